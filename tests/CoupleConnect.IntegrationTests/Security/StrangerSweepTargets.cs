using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Rituals;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using DevMailbox = CoupleConnect.Web.Infrastructure.Email.DevMailbox;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// The victim of <see cref="CoupleScopedRoutes.CreateVictimAsync"/> plus what only the sweep aims at: a passkey, a
/// calendar feed, sign-in codes, unsubscribe tokens and emails of the victim. <see cref="Urls"/> are the addresses that
/// fill route and query parameters with the victim's real values; <see cref="FormValues"/> fill minimal API form fields.
/// </summary>
public sealed record SweepVictim(VictimCouple Couple, IReadOnlyList<string> Urls, IReadOnlyDictionary<string, string> FormValues);

/// <summary>
/// What the stranger sweep aims at each route. The route list comes from the app (<see cref="AppRouteTable"/>); the
/// values come from here. A new route whose parameters no URL here fills fails the sweep until it is taught one.
/// <para>
/// Capability links, where a secret token in the address IS the permission (join, calendar feed, unsubscribe, email
/// confirmation, password reset), are aimed with the victim's used, replaced or tampered tokens and the victim's ids:
/// holding a live one is being its owner. Where a live code only proves an email address (confirm, reset), it is used.
/// </para>
/// </summary>
public static class StrangerSweepTargets
{
    /// <summary>
    /// Development only, and open by design: the dev mailbox is every email the app sent on a developer's machine,
    /// standing in for SMTP. The sweep requests it (never a 500) but does not look for the victim in it;
    /// <see cref="TheDevMailboxOutsideDevelopment"/> shows it is gone outside Development.
    /// </summary>
    public static readonly string[] OpenByDesignInDevelopment = ["/dev/mailbox", "/dev/mailbox/{Id}", "/dev/mailbox/{id}/html"];

    public static async Task<SweepVictim> CreateVictimAsync(AppFixture app)
    {
        var couple = await CoupleScopedRoutes.CreateVictimAsync(app.Driver);
        var member = couple.Member;
        var ritualPath = $"/rituals/{couple.RitualIds[0]}";
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(member.Id) ?? throw new InvalidOperationException("The victim has no account.");

        // A passkey the victim registered, with a name of their own.
        var credentialId = RandomNumberGenerator.GetBytes(16);
        var passkeyName = $"Marisol's phone {Guid.NewGuid():N}"[..26];
        var passkey = new UserPasskeyInfo(credentialId, RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [], [])
        {
            Name = passkeyName,
        };
        Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded, "Could not give the victim a passkey.");
        var passkeyId = Base64Url.EncodeToString(credentialId);

        // Codes the app emails to the victim; the reset one really is emailed, so the dev mailbox has the victim's mail.
        var confirmCode = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var resetCode = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        await scope.ServiceProvider.GetRequiredService<IEmailSender<ApplicationUser>>()
            .SendPasswordResetLinkAsync(user, member.Email, $"http://localhost/Account/ResetPassword?code={resetCode}");
        var victimEmails = new[] { member.Email, couple.Partner.Email, couple.FormerPartner.Email };
        var mailIds = scope.ServiceProvider.GetRequiredService<DevMailbox>().List()
            .Where(mail => victimEmails.Any(email => mail.To.Contains(email, StringComparison.OrdinalIgnoreCase)))
            .Select(mail => mail.Id)
            .ToList();
        Assert.NotEmpty(mailIds);

        // The victim's calendar feed, made twice: the first token was replaced, the second is live (and secret).
        var (replacedFeedToken, liveFeedToken) = (await NewFeedTokenAsync(app, member), await NewFeedTokenAsync(app, member));

        var unsubscribe = scope.ServiceProvider.GetRequiredService<UnsubscribeTokens>();
        var liveUnsubscribe = unsubscribe.Create(member.Id, couple.Current.CoupleId, ReminderKind.DailyQuestion);
        var liveRitualUnsubscribe = unsubscribe.Create(member.Id, couple.Current.CoupleId, ReminderKind.RitualReminder, couple.RitualIds[0]);

        var victim = couple.With(passkeyName, passkeyId, liveFeedToken, liveUnsubscribe, liveRitualUnsubscribe);
        string Query(string value) => Uri.EscapeDataString(value);
        return new SweepVictim(
            victim,
            [
                .. CoupleScopedRoutes.CoupleRoutes(victim),
                $"/Account/Manage/RenamePasskey/{passkeyId}",
                $"/Account/ConfirmEmail?userId={member.Id}&code={confirmCode}&returnUrl={Query(ritualPath)}",
                $"/Account/ConfirmEmailChange?userId={member.Id}&email={Query(member.Email)}&code={confirmCode}",
                $"/Account/ResetPassword?code={resetCode}",
                $"/Account/RegisterConfirmation?email={Query(member.Email)}&returnUrl={Query(ritualPath)}",
                $"/Account/Login?ReturnUrl={Query(ritualPath)}",
                $"/Account/Register?ReturnUrl={Query(ritualPath)}",
                $"/Account/LoginWith2fa?ReturnUrl={Query(ritualPath)}&RememberMe=true",
                $"/Account/LoginWithRecoveryCode?ReturnUrl={Query(ritualPath)}",
                $"/Account/Reauthenticate?ReturnUrl={Query(ritualPath)}",
                $"/Account/PasskeyRequestOptions?username={Query(member.Email)}",
                $"/calendar/{replacedFeedToken}.ics",
                $"/calendar/{member.Id}.ics",
                $"/calendar/{couple.Current.CoupleId:N}.ics",
                $"/unsubscribe?token={Tampered(liveUnsubscribe)}",
                $"/unsubscribe?token={Tampered(liveRitualUnsubscribe)}",
                $"/unsubscribe?token={member.Id}",
                $"/unsubscribe/one-click?token={Tampered(liveUnsubscribe)}",
                $"/unsubscribe/one-click?token={couple.RitualIds[0]}",
                .. mailIds.SelectMany(id => new[] { $"/dev/mailbox/{id}", $"/dev/mailbox/{id}/html" }),
                "/status/403",
                "/status/404",
                "/status/500",
                $"/{member.Id}.json",
                "/hangfire",
                "/hangfire/recurring",
                "/hangfire/jobs/enqueued",
            ],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["provider"] = "Google",
                ["returnUrl"] = ritualPath.TrimStart('/'),
                // Signing out forgets only the sender's own device with this endpoint, never anyone else's.
                ["PushEndpoint"] = "https://fcm.googleapis.com/fcm/send/the-victims-phone",
                ["choice"] = "Dark", // the theme menu: it can only ever change the sender's own account
            });
    }

    /// <summary>A valid-looking token with its signature broken: what a stranger who saw half a link could send.</summary>
    private static string Tampered(string token) => token[..^6] + (token[^6] == 'A' ? "BBBBBB" : "AAAAAA");

    private static async Task<string> NewFeedTokenAsync(AppFixture app, TestPerson person)
    {
        await using var scope = app.Driver.AsUser(person);
        var feed = await scope.Get<CalendarFeedService>().CreateAsync();
        Assert.True(feed.Succeeded, feed.Error);
        var url = feed.Value!.Url;
        return url[(url.LastIndexOf('/') + 1)..^".ics".Length];
    }
}
