using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 13, item 5: many clients together cannot make the app hash passwords for one account without bound; past the
/// per-account budget the check is refused before any hashing, and it comes back within a minute.
/// </summary>
public sealed class PasswordChecksPerAccountAreBounded(PasswordChecksPerAccountAreBounded.ThreeChecksAMinuteFixture app)
    : IClassFixture<PasswordChecksPerAccountAreBounded.ThreeChecksAMinuteFixture>
{
    [Fact]
    public async Task TheFourthCheckInAMinuteFromYetAnotherClientIsRefusedWithoutHashing()
    {
        var email = await app.CreateConfirmedUserAsync();
        for (var client = 1; client <= 3; client++)
        {
            using var browser = app.NewBrowserFrom($"203.0.113.{client}");
            using var wrong = await browser.LogInAsync(email, "a guess");
            Assert.Contains("don't match", System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var fourth = app.NewBrowserFrom("203.0.113.4");
        using var refused = await fourth.LogInAsync(email, AppFixture.Password);

        Assert.EndsWith("/Account/Lockout", refused.Headers.Location?.ToString());
        Assert.False(AppBrowser.SetsAuthCookie(refused));
    }

    public sealed class ThreeChecksAMinuteFixture : ClientAddressAppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["CoupleConnect:Passwords:ChecksPerAccountPerMinute"] = "3" };
    }
}
