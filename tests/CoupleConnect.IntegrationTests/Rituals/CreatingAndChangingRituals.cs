using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// The rituals service as the couple uses it, on a fixed clock (Sunday 7 March 2027, 11:00 in Berlin): a ritual from
/// each template or from scratch, seen by both partners (each in their own time), changed by either, and deleted
/// without losing what the couple wrote about it.
/// </summary>
public sealed class CreatingAndChangingRituals(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private static readonly DateOnly Sunday = new(2027, 3, 7);

    [Theory]
    [InlineData("nightly-gratitude", "Every day at 21:30, for 10 minutes", "2027-03-07T20:30:00Z", 30, false, "2027-03-07T20:00:00Z")]
    [InlineData("date-night", "Every Friday at 19:30, for 2 hours", "2027-03-12T18:30:00Z", 120, false, "2027-03-12T16:30:00Z")]
    [InlineData("monthly-reflection", "On the first Sunday of every month at 19:00, for 1 hour", "2027-03-07T18:00:00Z", 120, true, "2027-03-07T16:00:00Z")]
    [InlineData(null, "Every Wednesday and Sunday at 08:15, for 45 minutes", "2027-03-10T07:15:00Z", 120, false, "2027-03-10T05:15:00Z")]
    public async Task ARitualFromATemplateOrFromScratchIsThereForBothPartnersWithBothRemindersPlanned(
        string? templateKey, string scheduleText, string firstStartsUtc, int leadMinutes, bool dayBefore, string firstReminderUtc)
    {
        Assert.Equal(March2027AppFixture.StartsAt, app.Clock.GetUtcNow()); // no test of this class moves the clock
        var couple = await app.NewCoupleAsync();
        var form = await app.ClockedDriver.RitualsAsync(couple.Inviter, rituals => rituals.NewFormAsync(templateKey));
        Assert.NotNull(form);
        Assert.Equal(Sunday, form.StartDate);
        if (templateKey is null)
        {
            Assert.Equal(string.Empty, form.Name);
            form.Name = "Pancakes & \"slow\" coffee";
            form.Description = "Whoever wakes first starts the batter.";
            form.StartTime = "08:15";
            form.DurationMinutes = 45;
            form.Weekdays = [DayOfWeek.Sunday, DayOfWeek.Wednesday];
        }
        else
        {
            Assert.Equal(RitualTemplates.All.Single(template => template.Key == templateKey).Name, form.Name);
        }

        var id = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, form);

        var starts = DateTimeOffset.Parse(firstStartsUtc, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            var summary = Assert.Single(await app.ClockedDriver.RitualListAsync(person));
            Assert.Equal((id, form.Name, form.Description, scheduleText), (summary.Id, summary.Name, summary.Description, summary.ScheduleText));
            Assert.Equal(templateKey == "monthly-reflection", summary.IsMonthlyReflection);
            Assert.NotNull(summary.Next);
            Assert.Equal(starts, summary.Next.StartsUtc);
            Assert.Equal(RitualProgress.None, summary.Progress);
        }

        // Each partner sees the home-zone time; Sam, in New York, also sees it on their own clock.
        var berlin = TimeZoneInfo.ConvertTime(starts, Domain.Common.TimeZoneId.Parse("Europe/Berlin").Zone);
        var newYork = TimeZoneInfo.ConvertTime(starts, Domain.Common.TimeZoneId.Parse("America/New_York").Zone);
        var homeText = berlin.ToString("dddd d MMMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(homeText, (await app.ClockedDriver.RitualAsync(couple.Inviter, id)).Summary.Next!.StartsLocal);
        Assert.Equal($"{homeText} ({newYork:HH:mm} your time)", (await app.ClockedDriver.RitualAsync(couple.Partner, id)).Summary.Next!.StartsLocal);

        // Both partners' reminders exist from the start, on by default, bookmarked at the first one due.
        var reminders = await app.Tables.RemindersAsync(id);
        Assert.Equal(new[] { couple.Inviter.Id, couple.Partner.Id }.Order(StringComparer.Ordinal), reminders.Select(row => row.UserId));
        var reminderDue = DateTimeOffset.Parse(firstReminderUtc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(reminders, row => Assert.Equal(
            (true, leadMinutes, dayBefore, (DateTimeOffset?)reminderDue, (DateOnly?)DateOnly.FromDateTime(berlin.DateTime), (ReminderKind?)ReminderKind.RitualReminder),
            (row.IsOn, row.LeadMinutes, row.DayBefore, row.NextDueUtc, row.NextOccurrenceDay, row.NextKind)));
        var detail = await app.ClockedDriver.RitualAsync(couple.Partner, id);
        Assert.Equal(new ReminderChoice(true, leadMinutes, dayBefore, dayBefore), detail.Reminder);
        Assert.Equal(templateKey, detail.Form.TemplateKey);
        Assert.False(detail.IsDeleted);
        Assert.Equal("Alex", detail.PartnerName);
    }

    [Fact]
    public async Task TheDashboardCardHasEveryLiveRitualAndEachOnesNextTwoOccasionsWithinAWeekInOrder()
    {
        var couple = await app.NewCoupleAsync();
        var dinner = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Monday dinner", Sunday, "19:30", DayOfWeek.Monday));
        var thanks = await app.ClockedDriver.CreateRitualAsync(couple.Partner, RitualForms.Daily("Thanks before sleep", Sunday, "21:30"));
        var gone = await app.ClockedDriver.CreateRitualAsync(couple.Partner, RitualForms.Daily("Deleted one", Sunday, "12:00"));
        await app.ClockedDriver.DeleteRitualAsync(couple.Inviter, gone);

        var upcoming = await app.ClockedDriver.RitualsAsync(couple.Partner, rituals => rituals.UpcomingAsync());

        Assert.NotNull(upcoming);
        Assert.Equal(new HashSet<Guid> { dinner, thanks }, upcoming.Rituals.Select(summary => summary.Id).ToHashSet());
        // At most two of each ritual (a daily one doesn't crowd out the weekly one), soonest first.
        Assert.Equal(
            [(thanks, Sunday), (dinner, Sunday.AddDays(1)), (thanks, Sunday.AddDays(1))],
            upcoming.NextSevenDays.Select(occurrence => (occurrence.RitualId, occurrence.Day)));
        Assert.All(upcoming.NextSevenDays, occurrence => Assert.False(occurrence.HasStarted));
    }

    [Fact]
    public async Task EitherPartnerCanChangeTheRitualAndBothSeeTheChangeWithRemindersReplanned()
    {
        var couple = await app.NewCoupleAsync();
        var form = RitualForms.Weekly("Long walk", Sunday, "19:00", DayOfWeek.Wednesday);
        var id = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, form);
        Assert.Equal(new DateTimeOffset(2027, 3, 10, 16, 0, 0, TimeSpan.Zero), (await app.Tables.ReminderAsync(id, couple.Partner.Id)).NextDueUtc);

        var changed = RitualForms.Copy((await app.ClockedDriver.RitualAsync(couple.Partner, id)).Form);
        changed.Name = "Long walk by the river";
        changed.Description = "The loop past the old mill.";
        changed.StartTime = "07:30";
        changed.DurationMinutes = 90;
        changed.Weekdays = [DayOfWeek.Monday, DayOfWeek.Thursday];
        await app.ClockedDriver.ChangeRitualAsync(couple.Partner, id, changed);

        var seen = Assert.Single(await app.ClockedDriver.RitualListAsync(couple.Inviter));
        Assert.Equal(("Long walk by the river", "The loop past the old mill.", "Every Monday and Thursday at 07:30, for 1 h 30 min"), (seen.Name, seen.Description, seen.ScheduleText));
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 6, 30, 0, TimeSpan.Zero), seen.Next?.StartsUtc);
        Assert.All(await app.Tables.RemindersAsync(id), row => Assert.Equal(
            ((DateTimeOffset?)new DateTimeOffset(2027, 3, 8, 4, 30, 0, TimeSpan.Zero), (DateOnly?)new DateOnly(2027, 3, 8)),
            (row.NextDueUtc, row.NextOccurrenceDay)));

        // Changing a ritual that started in the past keeps its start: moving its time is not "starting in the past".
        var started = await app.ClockedDriver.CreateRitualAsync(couple.Partner, RitualForms.Daily("Tea at four", Sunday.AddDays(-20), "16:00"));
        var later = RitualForms.Copy((await app.ClockedDriver.RitualAsync(couple.Inviter, started)).Form);
        later.StartTime = "16:30";
        await app.ClockedDriver.ChangeRitualAsync(couple.Inviter, started, later);
        Assert.Equal(Sunday.AddDays(-20), (await app.ClockedDriver.RitualAsync(couple.Inviter, started)).Form.StartDate);
    }

    [Fact]
    public async Task DeletingARitualHidesItAndStopsItsRemindersButKeepsItsPastOutcomesAndNotes()
    {
        var couple = await app.NewCoupleAsync();
        var id = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Morning stretch", Sunday.AddDays(-3), "09:00"));
        var keep = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Board games", Sunday, "20:00", DayOfWeek.Saturday));
        await app.ClockedDriver.MarkAsync(couple.Inviter, id, Sunday.AddDays(-2), RitualOutcomeStatus.Done);
        await app.ClockedDriver.MarkAsync(couple.Partner, id, Sunday.AddDays(-1), RitualOutcomeStatus.Skipped);
        await app.ClockedDriver.WriteNoteAsync(couple.Inviter, id, Sunday.AddDays(-2), "Ten minutes felt like plenty.");
        await app.ClockedDriver.WriteNoteAsync(couple.Partner, id, Sunday.AddDays(-2), "My back thanks you.");

        await app.ClockedDriver.DeleteRitualAsync(couple.Partner, id);

        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            Assert.Equal([keep], (await app.ClockedDriver.RitualListAsync(person)).Select(summary => summary.Id));
        }

        var detail = await app.ClockedDriver.RitualAsync(couple.Inviter, id);
        Assert.True(detail.IsDeleted);
        Assert.Null(detail.Summary.Next);
        Assert.Empty(detail.Upcoming);
        var done = Assert.Single(detail.Past, past => past.Occurrence.Day == Sunday.AddDays(-2));
        Assert.Equal((RitualOutcomeStatus?)RitualOutcomeStatus.Done, done.Occurrence.Status);
        Assert.Equal(
            new HashSet<(string, bool, string)> { ("Alex", true, "Ten minutes felt like plenty."), ("Sam", false, "My back thanks you.") },
            done.Notes.Select(note => (note.AuthorName, note.Mine, note.Text)).ToHashSet());
        Assert.Equal("Sam", Assert.Single(detail.Past, past => past.Occurrence.Day == Sunday.AddDays(-1)).MarkedByName);

        // Every row is still there; only the reminders' bookmarks are gone.
        Assert.Equal(new RitualCounts(2, 4, 2, 2, 0), await app.Tables.CountsAsync(couple.CoupleId));
        Assert.All(await app.Tables.RemindersAsync(id), row => Assert.Equal((true, (DateTimeOffset?)null), (row.IsOn, row.NextDueUtc)));
        Assert.All(await app.Tables.RemindersAsync(keep), row => Assert.NotNull(row.NextDueUtc));

        // A deleted ritual can't be changed, marked or written about any more, by either partner; nothing moves.
        var before = await app.Tables.SnapshotAsync(couple.CoupleId);
        var attempts = new List<(string What, Web.Infrastructure.ServiceResult Result)>
        {
            ("change", await app.ClockedDriver.RitualsAsync(couple.Inviter, rituals => rituals.ChangeAsync(id, RitualForms.Daily("Morning stretch", Sunday, "09:30")))),
            ("delete again", await app.ClockedDriver.RitualsAsync(couple.Partner, rituals => rituals.DeleteAsync(id))),
            ("reminder", await app.ClockedDriver.RitualsAsync(couple.Inviter, rituals => rituals.SetReminderAsync(id, false, 60, false))),
            ("mark", await app.ClockedDriver.OccurrencesAsync(couple.Inviter, occurrences => occurrences.MarkAsync(id, Sunday.AddDays(-1), RitualOutcomeStatus.Done))),
            ("note", await app.ClockedDriver.OccurrencesAsync(couple.Partner, occurrences => occurrences.WriteNoteAsync(id, Sunday.AddDays(-1), "Too late."))),
        };
        Assert.All(attempts, attempt => Assert.True(attempt.Result.Error == RitualsService.DeletedMessage, $"{attempt.What}: {attempt.Result.Error ?? "succeeded"}"));
        Assert.Equal(before, await app.Tables.SnapshotAsync(couple.CoupleId));
    }
}
