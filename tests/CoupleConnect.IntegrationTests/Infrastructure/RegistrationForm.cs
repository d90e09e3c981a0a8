namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>What a person types into /Account/Register; valid unless a test changes a field.</summary>
public sealed record RegistrationForm
{
    public string Email { get; init; } = AppFixture.UniqueEmail("register");

    public string DisplayName { get; init; } = "Sam";

    public string TimeZoneId { get; init; } = "Europe/London";

    public string Password { get; init; } = AppFixture.Password;

    public string ConfirmPassword { get; init; } = AppFixture.Password;

    /// <summary>The "Discreet emails" box; an unticked box posts nothing, as a browser's does.</summary>
    public bool DiscreetEmails { get; init; }

    public IReadOnlyDictionary<string, string> Fields => DiscreetEmails ? new Dictionary<string, string>(TextFields) { ["Input.DiscreetEmails"] = "True" } : TextFields;

    private Dictionary<string, string> TextFields => new()
    {
        ["Input.Email"] = Email,
        ["Input.DisplayName"] = DisplayName,
        ["Input.TimeZoneId"] = TimeZoneId,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = ConfirmPassword,
    };

    public Task<HttpResponseMessage> SubmitAsync(AppBrowser browser) => browser.SubmitFormAsync("/Account/Register", "register", Fields);
}
