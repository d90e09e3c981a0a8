using System.Globalization;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// After each dispatch the schedule moves to the next local day's time, DST-correct. The expected instants are written
/// out in UTC, read from the tz database (zdump), not computed with the app's own clock code.
/// </summary>
public sealed class AdvancingAcrossDaylightSavingChanges(SpringOf2027AppFixture app) : IClassFixture<SpringOf2027AppFixture>
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    private DispatchTables Tables => new(app.Factory.ConnectionString);

    [Fact]
    public async Task EachReminderFollowsItsLocalTimeThroughSpringForwardAndFallBack()
    {
        var londonEvening = SeededCouples.Person("Europe/London", "20:00", null);
        var londonNight = SeededCouples.Person("Europe/London", "01:30", null); // 01:30 doesn't happen on 28 March
        var lordHowe = SeededCouples.Person("Australia/Lord_Howe", "01:45", null); // 01:45 happens twice on 4 April
        var auckland = SeededCouples.Person("Pacific/Auckland", "02:30", null); // 02:30 happens twice on 4 April
        await SeededCouples.SeedAsync(app.Factory.ConnectionString, [(londonEvening, londonNight), (lordHowe, auckland)], app.Clock.GetUtcNow());
        await PlanAsync(londonEvening, londonNight, lordHowe, auckland);

        // Saturday evening in London, still GMT; Sunday's 20:00 is BST, 23 hours later.
        await DispatchUntilAsync(Utc("2027-03-27 20:00"));
        Assert.Equal(Utc("2027-03-28 19:00"), await NextQuestionAsync(londonEvening));

        // 01:30 doesn't exist on Sunday 28 March: it fires at 02:00 BST (01:00 UTC); Monday's 01:30 BST is 00:30 UTC.
        Assert.Equal(Utc("2027-03-28 01:00"), await NextQuestionAsync(londonNight));
        await DispatchUntilAsync(Utc("2027-03-28 01:00"));
        Assert.Equal(Utc("2027-03-29 00:30"), await NextQuestionAsync(londonNight));

        // Lord Howe's Sunday 4 April 01:45 happens at 14:45 UTC (+11) and again at 15:15 UTC (+10:30): the first one
        // fires, and the schedule moves straight on to Monday, skipping the repeat.
        await DispatchUntilAsync(Utc("2027-04-03 14:45"));
        Assert.Equal(Utc("2027-04-04 15:15"), await NextQuestionAsync(lordHowe));
        await DispatchUntilAsync(Utc("2027-04-04 16:00"));

        Assert.Equal(
            [("2027-03-27", "2027-03-27 20:00"), ("2027-03-28", "2027-03-28 19:00"), ("2027-03-29", "2027-03-29 19:00")],
            (await QuestionRemindersAsync(londonEvening)).Take(3));
        Assert.Equal(
            [("2027-03-28", "2027-03-28 01:00"), ("2027-03-29", "2027-03-29 00:30")],
            (await QuestionRemindersAsync(londonNight)).Take(2));
        Assert.Equal(
            [("2027-04-03", "2027-04-02 14:45"), ("2027-04-04", "2027-04-03 14:45"), ("2027-04-05", "2027-04-04 15:15")],
            (await QuestionRemindersAsync(lordHowe)).TakeLast(3));
        Assert.Equal(
            [("2027-04-03", "2027-04-02 13:30"), ("2027-04-04", "2027-04-03 13:30"), ("2027-04-05", "2027-04-04 14:30")],
            (await QuestionRemindersAsync(auckland)).TakeLast(3));
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private async Task PlanAsync(params SeededPerson[] people)
    {
        foreach (var person in people)
        {
            await using var scope = app.ClockedFactory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RecomputeAsync(person.Id);
        }
    }

    /// <summary>Runs the dispatcher every few minutes, as the recurring job would, until (and including) <paramref name="instant"/>.</summary>
    private async Task DispatchUntilAsync(DateTimeOffset instant)
    {
        var dispatcher = app.ClockedFactory.Services.GetRequiredService<ReminderDispatcher>();
        while (app.Clock.GetUtcNow() < instant)
        {
            var next = app.Clock.GetUtcNow() + Step;
            app.Clock.SetUtcNow(next < instant ? next : instant);
            await dispatcher.DispatchDueAsync();
        }
    }

    private Task<DateTimeOffset> NextQuestionAsync(SeededPerson person) => Tables.NextDueAsync(person.Id, ReminderKind.DailyQuestion);

    /// <summary>The person's question reminders as (local date, due UTC) text, oldest first; all of them must be pending.</summary>
    private async Task<List<(string LocalDate, string DueUtc)>> QuestionRemindersAsync(SeededPerson person)
    {
        var rows = (await Tables.OutboxAsync(person.Id)).Where(row => row.Kind == ReminderKind.DailyQuestion).OrderBy(row => row.DueUtc).ToList();
        Assert.All(rows, row => Assert.Equal(ReminderStatus.Pending, row.Status));
        return rows.Select(row => (row.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.DueUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).ToList();
    }
}
