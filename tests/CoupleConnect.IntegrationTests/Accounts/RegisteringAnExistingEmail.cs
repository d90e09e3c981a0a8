using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 13, item 7: the registration form must not tell anyone whether an address has an account. A taken address gets
/// the same answer as a new one; the owner is told by email, and their account is untouched.
/// </summary>
public sealed class RegisteringAnExistingEmail(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ATakenAddressGetsTheSameAnswerAsANewOneAndTheOwnerIsTold()
    {
        var owner = await app.CreateConfirmedUserAsync(displayName: "Robin");
        var fresh = new RegistrationForm();

        using var newAnswer = await SubmitAsync(fresh);
        using var takenAnswer = await SubmitAsync(new RegistrationForm { Email = owner, DisplayName = "Mallory", Password = "another calm evening", ConfirmPassword = "another calm evening" });

        Assert.Equal(HttpStatusCode.Redirect, takenAnswer.StatusCode);
        Assert.Equal(newAnswer.StatusCode, takenAnswer.StatusCode);
        Assert.Equal(
            newAnswer.Headers.Location!.ToString().Replace(Uri.EscapeDataString(fresh.Email), "{email}", StringComparison.Ordinal),
            takenAnswer.Headers.Location!.ToString().Replace(Uri.EscapeDataString(owner), "{email}", StringComparison.Ordinal));

        Assert.Equal(1, await app.Users.CountByEmailAsync(owner));
        var account = await app.Users.FindByEmailAsync(owner);
        Assert.Equal("Robin", account!.DisplayName); // untouched, and the old password still signs in
        using (var browser = app.NewBrowser())
        {
            await browser.LogInSuccessfullyAsync(owner, AppFixture.Password);
        }

        var notice = Assert.Single(DevMailboxReader.MessagesTo(app.Factory.MailboxPath, owner));
        Assert.Equal("Someone tried to create a CoupleConnect account with your email", notice.Subject);
        Assert.Contains("Hi Robin", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("/Account/ForgotPassword", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Mallory", notice.TextBody + notice.HtmlBody, StringComparison.Ordinal); // nothing the stranger typed
    }

    [Fact]
    public async Task ATakenAddressInOtherLetterCaseIsTreatedTheSame()
    {
        var owner = await app.CreateConfirmedUserAsync();

        using var answer = await SubmitAsync(new RegistrationForm { Email = owner.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal("/Account/RegisterConfirmation", (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost/"), location)).AbsolutePath);
        Assert.Equal(1, await app.Users.CountByEmailAsync(owner));
        Assert.Single(DevMailboxReader.MessagesTo(app.Factory.MailboxPath, owner));
    }

    [Fact]
    public async Task AnOwnerWhoNeverConfirmedGetsAFreshConfirmationLinkThatWorks()
    {
        var first = new RegistrationForm();
        using (await SubmitAsync(first))
        {
        }

        using var again = await SubmitAsync(first with { DisplayName = "Sam again" });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var messages = DevMailboxReader.MessagesTo(app.Factory.MailboxPath, first.Email);
        Assert.Equal(2, messages.Count);
        using var browser = app.NewBrowser();
        using var confirmed = await browser.GetAsync(DevMailboxReader.ConfirmationLink(messages[1]).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await app.Users.FindByEmailAsync(first.Email))!.EmailConfirmed);
    }

    private async Task<HttpResponseMessage> SubmitAsync(RegistrationForm form)
    {
        using var browser = app.NewBrowser();
        return await form.SubmitAsync(browser);
    }
}
