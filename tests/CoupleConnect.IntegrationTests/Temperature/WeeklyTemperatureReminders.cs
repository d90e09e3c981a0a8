using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Temperature;

/// <summary>
/// The weekly temperature reminder through the one reminder path (schedule, dispatcher, outbox, sender): on by default
/// on Sunday at 19:00 in each person's own zone, or on the day and at the time they pick; once per person per week;
/// not sent to someone who already answered this week; and the email carries nothing either partner wrote.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class WeeklyTemperatureReminders(SendingAppFixture app)
{
    private const string SamsGain = "The secret picnic under the oak";

    private DispatchTables Tables => new(app.ConnectionString);

    [Fact]
    public async Task ANewAccountIsRemindedOnSundayAtSevenInTheEveningInItsOwnZoneAndThenOnTheDayAndTimeItPicks()
    {
        var person = await app.Driver.NewPersonAsync("Robin", "America/New_York");

        AssertLocal(await Tables.NextDueAsync(person.Id, ReminderKind.WeeklyTemperature), DayOfWeek.Sunday, new TimeOnly(19, 0));

        await using (var scope = app.Driver.AsUser(person))
        {
            var preferences = scope.Get<ReminderPreferencesService>();
            var input = (await preferences.GetAsync())!;
            (input.WeeklyTemperatureDay, input.WeeklyTemperatureAt) = (DayOfWeek.Wednesday, "08:30");
            var saved = await preferences.SaveAsync(input);
            Assert.True(saved.Succeeded, saved.Error);
        }

        AssertLocal(await Tables.NextDueAsync(person.Id, ReminderKind.WeeklyTemperature), DayOfWeek.Wednesday, new TimeOnly(8, 30));
    }

    [Fact]
    public async Task EachPartnerGetsOneReminderAWeekHoweverOftenTheDispatcherRuns()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", "Europe/Berlin", "America/New_York");
        var people = new[] { couple.Inviter.Id, couple.Partner.Id };
        var dispatcher = app.App.Services.GetRequiredService<ReminderDispatcher>();
        var dues = new[] { await Tables.NextDueAsync(people[0], ReminderKind.WeeklyTemperature), await Tables.NextDueAsync(people[1], ReminderKind.WeeklyTemperature) };

        // Sunday 19:00 in Berlin and in New York are hours apart: six days after the later one, neither is due again yet.
        await DispatchHourlyUntilAsync(dispatcher, dues.Max().AddDays(6));
        foreach (var userId in people)
        {
            Assert.Single(await TemperatureRemindersOfAsync(userId));
        }

        await DispatchHourlyUntilAsync(dispatcher, dues.Max().AddDays(7).AddHours(1));
        foreach (var userId in people)
        {
            var rows = await TemperatureRemindersOfAsync(userId);
            Assert.Equal(2, rows.Count);
            Assert.Equal(TimeSpan.FromDays(7), rows[1].DueUtc - rows[0].DueUtc);
        }
    }

    private async Task DispatchHourlyUntilAsync(ReminderDispatcher dispatcher, DateTimeOffset end)
    {
        while (app.Clock.GetUtcNow() < end)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await dispatcher.DispatchDueAsync();
        }

        await dispatcher.DispatchDueAsync(); // a second run at the same moment adds nothing
    }

    private async Task<List<OutboxRow>> TemperatureRemindersOfAsync(string userId) =>
        (await Tables.OutboxAsync(userId)).Where(row => row.Kind == ReminderKind.WeeklyTemperature).OrderBy(row => row.DueUtc).ToList();

    [Fact]
    public async Task TheEmailAsksKindlyAndCarriesNothingThePartnerWrote()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.Driver.AnswerTemperatureAsync(couple.Partner, 6, SamsGain, "More picnics");
        await app.StartCleanAsync();
        var now = app.Clock.GetUtcNow();
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.WeeklyTemperature, DateOnly.FromDateTime(now.UtcDateTime), now);

        await app.Sender.SendDueAsync();

        Assert.Equal(ReminderStatus.Sent, (await app.Outbox.RowAsync(id)).Status);
        var mail = Assert.Single(app.Smtp.Received).Message;
        Assert.Equal("How was your week together?", mail.Subject);
        Assert.Contains("How connected did you feel with Kai this week?", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/temperature", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsGain, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("More picnics", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoAlreadyAnsweredThisWeekIsNotReminded()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.Driver.AnswerTemperatureAsync(couple.Inviter, 8, "A good week", "Another one");
        await app.StartCleanAsync();
        var now = app.Clock.GetUtcNow();
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.WeeklyTemperature, DateOnly.FromDateTime(now.UtcDateTime), now);

        await app.Sender.SendDueAsync();

        var row = await app.Outbox.RowAsync(id);
        Assert.Equal((ReminderStatus.Skipped, ReminderSkipReason.AlreadyAnswered), (row.Status, row.SkipReason));
        Assert.Empty(app.Smtp.Received);
    }

    private static void AssertLocal(DateTimeOffset due, DayOfWeek day, TimeOnly time)
    {
        var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal((day, time), (local.DayOfWeek, TimeOnly.FromDateTime(local.DateTime)));
    }
}
