using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>Each bad input: the form comes back (never a 500) with a clear message under the field, and nothing is stored.</summary>
public sealed class RegistrationRefusesBadInput(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public Task AnInvalidEmailIsRefusedAtTheEmailField() =>
        AssertRefusedAsync(
            new RegistrationForm { Email = "sam.example.test" },
            "Input.Email",
            "That doesn't look like an email address. Check for a typo, like a missing @ or dot.");

    [Fact]
    public Task ASevenCharacterPasswordIsRefusedAtThePasswordField() =>
        AssertRefusedAsync(
            new RegistrationForm { Password = "seven77", ConfirmPassword = "seven77" },
            "Input.Password",
            "Please use at least 8 characters for your password.");

    [Fact]
    public Task ATwoHundredCharacterNameIsRefusedAtTheNameField() =>
        AssertRefusedAsync(
            new RegistrationForm { DisplayName = new string('a', 200) },
            "Input.DisplayName",
            "Please keep your name to 40 characters or fewer (this one has 200).");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public Task AnEmptyNameIsRefusedAtTheNameField(string name) =>
        AssertRefusedAsync(
            new RegistrationForm { DisplayName = name },
            "Input.DisplayName",
            "Please tell us what your partner calls you.");

    [Fact]
    public Task ANameWithAnInvisibleCharacterIsRefusedAtTheNameField() =>
        AssertRefusedAsync(
            new RegistrationForm { DisplayName = "Sa\u200Bm" },
            "Input.DisplayName",
            "A name can't contain control or invisible characters.");

    [Fact]
    public Task AnUnknownTimeZoneIsRefusedAtTheTimeZoneField() =>
        AssertRefusedAsync(
            new RegistrationForm { TimeZoneId = "Mars/Olympus_Mons" },
            "Input.TimeZoneId",
            "We don't know that time zone. Please pick one from the list, such as Europe/London.");

    [Fact]
    public async Task AScriptTagAsTheNameIsRefusedAndNeverEchoedUnescaped()
    {
        var html = await AssertRefusedAsync(
            new RegistrationForm { DisplayName = "<script>alert(1)</script>" },
            "Input.DisplayName",
            "A name can't contain < or >.");

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html); // redisplayed, but as text
    }

    /// <summary>Posts the form and checks the refusal; returns the page for further checks.</summary>
    private async Task<string> AssertRefusedAsync(RegistrationForm form, string fieldId, string expectedMessage, long expectedUsersWithThisEmail = 0)
    {
        var usersBefore = await app.Users.CountAllAsync();
        var mailsBefore = DevMailboxReader.MessagesTo(app.Factory.MailboxPath, form.Email).Count;
        using var browser = app.NewBrowser();

        using var response = await form.SubmitAsync(browser);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the form back (200), got {(int)response.StatusCode}.");
        Assert.Equal([expectedMessage], HtmlForms.ValidationMessagesFor(html, fieldId));
        Assert.True(HtmlForms.MessagesSitBesideTheirField(html, fieldId), $"The message for {fieldId} is not next to its field.");
        Assert.Equal(expectedUsersWithThisEmail, await app.Users.CountByEmailAsync(form.Email));
        Assert.Equal(usersBefore, await app.Users.CountAllAsync());
        Assert.Equal(mailsBefore, DevMailboxReader.MessagesTo(app.Factory.MailboxPath, form.Email).Count); // no email sent either
        return html;
    }
}
