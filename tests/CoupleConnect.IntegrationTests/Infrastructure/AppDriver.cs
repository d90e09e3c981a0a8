using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Couples;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>A confirmed account the tests made. <see cref="Email"/> signs in with <see cref="AppFixture.Password"/>.</summary>
public sealed record TestPerson(string Id, string Email, string DisplayName, string TimeZoneId);

/// <summary>Two people paired through the app's own services: <see cref="Inviter"/> invited, <see cref="Partner"/> accepted.</summary>
public sealed record PairedCouple(TestPerson Inviter, TestPerson Partner, InviteView Invite, Guid CoupleId)
{
    /// <summary>The (now used) link token.</summary>
    public string Token => TokenOf(Invite);

    /// <summary>The (now used) code as shown, "ABCD EFGH".</summary>
    public string Code => Invite.Code;

    public static string TokenOf(InviteView invite) => TestCouples.TokenOf(invite);

    /// <summary>
    /// The same invite as shown before: code, link and expiry text equal; the instant equal to the microsecond
    /// (PostgreSQL's precision; .NET's ticks are finer).
    /// </summary>
    public static void AssertSameInvite(InviteView expected, InviteView? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Code, expected.Link, expected.ExpiresText), (actual.Code, actual.Link, actual.ExpiresText));
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt, TimeSpan.FromMicroseconds(1));
    }
}

/// <summary>
/// Drives one running app from test code: makes confirmed people, opens scopes signed in as them, pairs them, and
/// reads the couple tables and the dev mailbox. Works on any host of the app (the fixture's, or one with a fake clock).
/// </summary>
public sealed class AppDriver(IServiceProvider services, string connectionString, string mailboxPath)
{
    public IServiceProvider Services => services;

    public CoupleTables Tables { get; } = new(connectionString);

    /// <summary>The check-in tables (daily_questions, check_in_answers) read with plain SQL.</summary>
    public CheckInTables CheckInTables { get; } = new(connectionString);

    /// <summary>The app's key for hashing typed invite codes, for <see cref="InviteKey.FromCode"/>.</summary>
    public InviteCodeKey CodeKey => services.GetRequiredService<InviteCodeKey>();

    /// <summary>A confirmed account, made through the app's account lifecycle (with the reminders a sign-up gets).</summary>
    public async Task<TestPerson> NewPersonAsync(string displayName, string timeZoneId = "Europe/Berlin", string? email = null)
    {
        email ??= AppFixture.UniqueEmail("person");
        var user = await TestAccounts.CreateConfirmedAsync(services, email, AppFixture.Password, displayName, timeZoneId);
        return new TestPerson(user.Id, email, displayName, timeZoneId);
    }

    /// <summary>A scope signed in as <paramref name="person"/> (dispose it: <c>await using</c>).</summary>
    public SignedInServices AsUser(TestPerson person) => SignedInServices.For(services, person.Id);

    public SignedInServices AsUser(string userId) => SignedInServices.For(services, userId);

    public SignedInServices SignedOut() => SignedInServices.For(services, null);

    /// <summary>An invite by <paramref name="inviter"/>; fails the test if it can't be made.</summary>
    public Task<InviteView> InviteAsync(TestPerson inviter) => TestCouples.InviteAsync(services, inviter.Id, inviter.DisplayName);

    /// <summary><paramref name="partner"/> accepts <paramref name="invite"/> by its link; fails the test if refused.</summary>
    public Task<Guid> AcceptAsync(TestPerson partner, InviteView invite) => TestCouples.AcceptAsync(services, partner.Id, invite, partner.DisplayName);

    /// <summary>Two existing people paired: <paramref name="inviter"/> invites, <paramref name="partner"/> accepts.</summary>
    public async Task<PairedCouple> PairAsync(TestPerson inviter, TestPerson partner)
    {
        var couple = await TestCouples.PairAsync(services, inviter.Id, partner.Id, inviter.DisplayName, partner.DisplayName);
        return new PairedCouple(inviter, partner, couple.Invite, couple.CoupleId);
    }

    /// <summary>Two new people paired ("Alex" invites, "Sam" accepts unless named otherwise).</summary>
    public async Task<PairedCouple> PairNewAsync(
        string inviterName = "Alex",
        string partnerName = "Sam",
        string inviterTimeZoneId = "Europe/Berlin",
        string partnerTimeZoneId = "America/New_York") =>
        await PairAsync(await NewPersonAsync(inviterName, inviterTimeZoneId), await NewPersonAsync(partnerName, partnerTimeZoneId));

    /// <summary><paramref name="person"/> leaves their couple; fails the test if refused.</summary>
    public async Task LeaveAsync(TestPerson person)
    {
        await using var scope = AsUser(person);
        var left = await scope.Settings.LeaveAsync(CoupleSettingsService.LeaveConfirmationWord);
        Assert.True(left.Succeeded, $"{person.DisplayName} could not leave: {left.Error}");
    }

    /// <summary>Renames <paramref name="member"/>'s couple, keeping its other settings; fails the test if refused.</summary>
    public async Task RenameCoupleAsync(TestPerson member, string name, DateOnly? anniversary = null)
    {
        await using var scope = AsUser(member);
        var settings = await scope.Settings.GetAsync();
        Assert.NotNull(settings);
        var saved = await scope.Settings.SaveAsync(new CoupleSettingsInput
        {
            Name = name,
            HomeTimeZoneId = settings.HomeTimeZoneId,
            Anniversary = anniversary ?? settings.Anniversary,
        });
        Assert.True(saved.Succeeded, $"Could not rename the couple: {saved.Error}");
    }

    /// <summary>Today's question as <paramref name="person"/> opens it (creating it on first look); fails the test when there is none.</summary>
    public Task<CheckInDay> TodaysQuestionAsync(TestPerson person) => TestQuestionDays.TodayAsync(services, person.Id, person.DisplayName);

    /// <summary><paramref name="person"/> answers <paramref name="day"/>'s question; fails the test if refused.</summary>
    public Task AnswerAsync(TestPerson person, DateOnly day, string text) => TestQuestionDays.AnswerAsync(services, person.Id, day, text, person.DisplayName);

    /// <summary><paramref name="person"/> opens today's question and answers it; returns the day as it was before the answer.</summary>
    public Task<CheckInDay> AnswerTodayAsync(TestPerson person, string text) => TestQuestionDays.AnswerTodayAsync(services, person.Id, text, person.DisplayName);

    /// <summary>Both partners answer today's question, so it is revealed; returns the day.</summary>
    public Task<DateOnly> BothAnswerTodayAsync(PairedCouple couple, string inviterText, string partnerText) =>
        TestQuestionDays.BothAnswerTodayAsync(services, couple.Inviter.Id, couple.Partner.Id, inviterText, partnerText, couple.Inviter.DisplayName, couple.Partner.DisplayName);

    public IReadOnlyList<MimeMessage> MailTo(string address) => DevMailboxReader.MessagesTo(mailboxPath, address);
}
