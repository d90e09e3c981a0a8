using System.Text.RegularExpressions;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 1: a request that names another host (a forged Host header) must not turn a genuine reset or
/// confirmation code into a link to that host. Every link in every email points at CoupleConnect:PublicUrl.
/// </summary>
public sealed partial class LinksInEmailsComeFromThePublicUrl(PublicUrlAppFixture app) : IClassFixture<PublicUrlAppFixture>
{
    private const string ForgedHost = "evil.example";

    [Fact]
    public async Task RegisteringWithAForgedHostMailsALinkToThePublicAddress()
    {
        using var browser = ForgedHostBrowser();
        var form = new RegistrationForm();

        using (await form.SubmitAsync(browser))
        {
        }

        AssertEveryLinkIsPublic(Assert.Single(MailTo(form.Email)));
    }

    [Fact]
    public async Task ForgotPasswordWithAForgedHostMailsAResetLinkToThePublicAddress()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = ForgedHostBrowser();

        using (await browser.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
        }

        var reset = Assert.Single(MailTo(email));
        Assert.Contains("/Account/ResetPassword?", reset.TextBody, StringComparison.Ordinal);
        AssertEveryLinkIsPublic(reset);
    }

    [Fact]
    public async Task ResendingTheConfirmationWithAForgedHostMailsALinkToThePublicAddress()
    {
        var form = new RegistrationForm();
        using (var browser = app.NewBrowser())
        using (await form.SubmitAsync(browser))
        {
        }

        using (var forged = ForgedHostBrowser())
        using (await forged.SubmitFormAsync("/Account/ResendEmailConfirmation", "resend-email-confirmation", new Dictionary<string, string> { ["Input.Email"] = form.Email }))
        {
        }

        var messages = MailTo(form.Email);
        Assert.Equal(2, messages.Count);
        AssertEveryLinkIsPublic(messages[1]);
    }

    [Fact]
    public async Task ChangingTheEmailWithAForgedHostMailsTheConfirmationToThePublicAddress()
    {
        var email = await app.CreateConfirmedUserAsync();
        var newEmail = AppFixture.UniqueEmail("moved");
        using var browser = ForgedHostBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using (await browser.SubmitFormAsync("/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail }))
        {
        }

        var confirmation = Assert.Single(MailTo(newEmail));
        Assert.Contains("/Account/ConfirmEmailChange?", confirmation.TextBody, StringComparison.Ordinal);
        AssertEveryLinkIsPublic(confirmation);
    }

    [Fact]
    public async Task InvitingJoiningAndLeavingFromACircuitOpenedAtAForgedHostMailLinksToThePublicAddress()
    {
        var alex = await app.Driver.NewPersonAsync("Alex");
        var sam = await app.Driver.NewPersonAsync("Sam");
        InviteView invite;
        await using (var inviter = SignedInServices.For(app.Factory.Services, alex.Id, $"http://{ForgedHost}/"))
        {
            invite = (await inviter.Invites.CreateAsync()).Value!;
            Assert.StartsWith(PublicUrlAppFixture.PublicUrl + "join/", invite.Link, StringComparison.Ordinal); // the link shown for sharing
            Assert.True((await inviter.Invites.EmailAsync(sam.Email)).Succeeded);
        }

        await using (var partner = SignedInServices.For(app.Factory.Services, sam.Id, $"http://{ForgedHost}/"))
        {
            Assert.True((await partner.Join.AcceptAsync(InviteKey.FromToken(PairedCouple.TokenOf(invite)))).Succeeded);
            Assert.True((await partner.Settings.LeaveAsync(CoupleSettingsService.LeaveConfirmationWord)).Succeeded);
        }

        // The couple-ended notice goes through the reminder outbox.
        Assert.Equal(1, (await app.Factory.Services.GetRequiredService<ReminderSender>().SendDueAsync()).Sent);

        var invitation = Assert.Single(MailTo(sam.Email));
        Assert.Contains("/join/", invitation.TextBody, StringComparison.Ordinal);
        var toAlex = MailTo(alex.Email);
        Assert.Equal(2, toAlex.Count); // "Sam joined you", then "Sam has ended your couple"
        foreach (var message in toAlex.Append(invitation))
        {
            AssertEveryLinkIsPublic(message);
        }
    }

    private AppBrowser ForgedHostBrowser()
    {
        var browser = app.NewBrowser();
        browser.Http.BaseAddress = new Uri($"http://{ForgedHost}/");
        return browser;
    }

    private IReadOnlyList<MimeMessage> MailTo(string address) => DevMailboxReader.MessagesTo(app.Factory.MailboxPath, address);

    private static void AssertEveryLinkIsPublic(MimeMessage message)
    {
        var links = LinkPattern().Matches((message.TextBody ?? "") + (message.HtmlBody ?? "")).Select(match => match.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(PublicUrlAppFixture.PublicUrl, link, StringComparison.Ordinal));
        Assert.DoesNotContain(ForgedHost, (message.TextBody ?? "") + (message.HtmlBody ?? ""), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}

/// <summary>An app whose public address is configured, as every deployment's is.</summary>
public sealed class PublicUrlAppFixture : AppFixture
{
    public const string PublicUrl = "https://couples.example.test/";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["CoupleConnect:PublicUrl"] = PublicUrl };
}
