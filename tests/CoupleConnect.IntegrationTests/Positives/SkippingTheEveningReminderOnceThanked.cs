using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// The evening gratitude reminder (21:00 in each partner's own zone) is written Skipped/AlreadyThanked for someone who
/// already wrote tonight's gratitude, and Pending otherwise: the dispatcher on a fake clock, on a real database.
/// </summary>
public sealed class SkippingTheEveningReminderOnceThanked(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private static readonly TimeSpan OneMinuteLate = TimeSpan.FromMinutes(1);

    private AppDriver Driver => app.ClockedDriver;

    private DispatchTables Tables => new(app.Factory.ConnectionString);

    private ReminderDispatcher Dispatcher => app.ClockedFactory.Services.GetRequiredService<ReminderDispatcher>();

    [Fact]
    public async Task WhoeverWroteTonightsGratitudeIsNotReminderdAndTheOtherIsAndTheNextEveningBothAre()
    {
        var couple = await CoupleWithEveningRemindersAsync("Asia/Kolkata", "Asia/Kolkata");
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var due = await FreshEveningAsync(alex);
        Assert.Equal(due, await Tables.NextDueAsync(sam.Id, ReminderKind.EveningGratitude));
        app.Clock.SetUtcNow(due - TimeSpan.FromHours(2));

        var written = await Driver.WriteGratitudeAsync(alex, "You made the evening easy.");
        await Driver.LogPositiveAsync(sam, PositiveKind.Gratitude, "Thanks for the lift."); // a noticed positive, not tonight's gratitude

        var evening = await DispatchAtAsync(due + OneMinuteLate);
        var day = TimeZoneId.Parse("Asia/Kolkata").LocalDate(due);
        Assert.Equal(day, written.Day);
        AssertSkippedAsAlreadyThanked(await EveningReminderAsync(alex, day));
        AssertPending(await EveningReminderAsync(sam, day));
        Assert.True(evening.Skipped >= 1 && evening.Pending >= 1);

        // Yesterday's gratitude doesn't quiet tonight's reminder.
        var tomorrow = await Tables.NextDueAsync(alex.Id, ReminderKind.EveningGratitude);
        Assert.Equal(due.AddDays(1), tomorrow);
        await DispatchAtAsync(tomorrow + OneMinuteLate);
        AssertPending(await EveningReminderAsync(alex, day.AddDays(1)));
        AssertPending(await EveningReminderAsync(sam, day.AddDays(1)));
    }

    [Fact]
    public async Task GratitudeWrittenInTheOtherCoupleDoesNotCount()
    {
        // Alex wrote tonight's gratitude in his former couple, then paired again: his new couple has none from him.
        var former = await CoupleWithEveningRemindersAsync("Asia/Kolkata", "Asia/Kolkata");
        var alex = former.Inviter;
        var due = await FreshEveningAsync(alex);
        app.Clock.SetUtcNow(due - TimeSpan.FromHours(2));
        await Driver.WriteGratitudeAsync(alex, "Thanks, from the couple that ended.");
        await Driver.LeaveAsync(alex);
        await Driver.PairAsync(alex, await Driver.NewPersonAsync("Noor", "Asia/Kolkata"));

        await DispatchAtAsync(due + OneMinuteLate);

        AssertPending(await EveningReminderAsync(alex, TimeZoneId.Parse("Asia/Kolkata").LocalDate(due)));
    }

    [Fact]
    public async Task APartnerBehindTheHomeZoneWhoThankedEarlierThatEveningIsNotReminderd()
    {
        // Home zone Berlin (Alex's); Sam lives in New York, six hours behind. Sam thanks at 17:00 New York time
        // (23:00 in Berlin); the 21:00 New York reminder falls at 03:00 the next day in Berlin.
        var couple = await CoupleWithEveningRemindersAsync("Europe/Berlin", "America/New_York");
        var sam = couple.Partner;
        var due = await FreshEveningAsync(sam);
        app.Clock.SetUtcNow(due - TimeSpan.FromHours(4));
        await Driver.WriteGratitudeAsync(sam, "You called my mum.");

        await DispatchAtAsync(due + OneMinuteLate);

        AssertSkippedAsAlreadyThanked(await EveningReminderAsync(sam, TimeZoneId.Parse("America/New_York").LocalDate(due)));
    }

    [Fact]
    public async Task TheDashboardAgreesWithTheReminderAboutAPartnerBehindTheHomeZoneWhoThankedThatEvening()
    {
        // As above: Sam in New York thanks at 17:00 there; at 21:00 the Berlin day has already turned. The reminder is
        // skipped, and both dashboards say Sam shared one tonight (they used to read the Berlin day: "Not yet tonight").
        var couple = await CoupleWithEveningRemindersAsync("Europe/Berlin", "America/New_York");
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var due = await FreshEveningAsync(sam);
        app.Clock.SetUtcNow(due - TimeSpan.FromHours(4));
        await Driver.WriteGratitudeAsync(sam, "You called my mum.");

        await DispatchAtAsync(due + OneMinuteLate);

        AssertSkippedAsAlreadyThanked(await EveningReminderAsync(sam, TimeZoneId.Parse("America/New_York").LocalDate(due)));
        Assert.NotEqual(TimeZoneId.Parse("Europe/Berlin").LocalDate(due - TimeSpan.FromHours(4)), TimeZoneId.Parse("Europe/Berlin").LocalDate(due));
        var samSees = await Driver.DashboardAsync(sam);
        var alexSees = await Driver.DashboardAsync(alex);
        Assert.Equal((true, false), (samSees.IThankedToday, samSees.PartnerThankedToday));
        Assert.Equal((false, true), (alexSees.IThankedToday, alexSees.PartnerThankedToday));
    }

    private static void AssertPending(OutboxRow reminder) =>
        Assert.Equal((ReminderStatus.Pending, (ReminderSkipReason?)null), (reminder.Status, reminder.SkipReason));

    private static void AssertSkippedAsAlreadyThanked(OutboxRow reminder) =>
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.AlreadyThanked, (DateTimeOffset?)null), (reminder.Status, reminder.SkipReason, reminder.NextAttemptUtc));

    /// <summary>A new couple (home zone: the inviter's); both asked for the 21:00 gratitude reminder only, through the reminders form.</summary>
    private async Task<PairedCouple> CoupleWithEveningRemindersAsync(string inviterZone, string partnerZone)
    {
        var couple = await Driver.PairNewAsync(inviterTimeZoneId: inviterZone, partnerTimeZoneId: partnerZone);
        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            await using var scope = Driver.AsUser(person);
            var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput
            {
                QuestionReminderOn = false,
                GratitudeReminderOn = true,
                GratitudeReminderAt = LocalTimeOfDay.EveningDefault.ToString(),
                PartnerActivityOn = false,
            });
            Assert.True(saved.Succeeded, saved.Error);
        }

        return couple;
    }

    /// <summary>
    /// The next evening reminder of <paramref name="person"/> that is at least five hours away (the shared clock may be
    /// anywhere in the day): when the next one is closer, it is dispatched first and the one after is used.
    /// </summary>
    private async Task<DateTimeOffset> FreshEveningAsync(TestPerson person)
    {
        var due = await Tables.NextDueAsync(person.Id, ReminderKind.EveningGratitude);
        if (due - app.Clock.GetUtcNow() >= TimeSpan.FromHours(5))
        {
            return due;
        }

        await DispatchAtAsync(due + OneMinuteLate);
        return await Tables.NextDueAsync(person.Id, ReminderKind.EveningGratitude);
    }

    private async Task<ReminderDispatchResult> DispatchAtAsync(DateTimeOffset instant)
    {
        app.Clock.SetUtcNow(instant);
        var dispatched = await Dispatcher.DispatchDueAsync();
        Assert.True(dispatched.Claimed >= 1, $"Nothing was due at {instant:u}.");
        return dispatched;
    }

    private async Task<OutboxRow> EveningReminderAsync(TestPerson person, DateOnly localDate) =>
        Assert.Single(await Tables.OutboxAsync(person.Id), row => row.Kind == ReminderKind.EveningGratitude && row.LocalDate == localDate);
}
