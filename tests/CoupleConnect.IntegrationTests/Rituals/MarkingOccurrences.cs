using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// Occurrences marked done or skipped by either partner (a second mark changes the first), only for occasions that
/// really happen, have started and are at most 60 days old; each partner's own note; progress and streak. The clock
/// only moves forward, by whole days, so every test works from "today" at 11:00 in Berlin, whatever ran before it.
/// </summary>
public sealed class MarkingOccurrences(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task EitherPartnerMarksAnOccurrenceAndASecondMarkChangesItForBoth()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Morning coffee", today.AddDays(-5), "09:00"));
        Assert.Equal(today, Assert.Single(await Driver.RitualListAsync(couple.Partner)).AwaitingMark?.Day); // 09:00 has passed

        await Driver.MarkAsync(couple.Inviter, id, today.AddDays(-1), RitualOutcomeStatus.Done);
        await AssertMarkedAsync(couple, id, today.AddDays(-1), RitualOutcomeStatus.Done, "Alex");

        await Driver.MarkAsync(couple.Partner, id, today.AddDays(-1), RitualOutcomeStatus.Skipped);
        await AssertMarkedAsync(couple, id, today.AddDays(-1), RitualOutcomeStatus.Skipped, "Sam");

        await Driver.MarkAsync(couple.Inviter, id, today.AddDays(-1), RitualOutcomeStatus.Done);
        await AssertMarkedAsync(couple, id, today.AddDays(-1), RitualOutcomeStatus.Done, "Alex");
        Assert.Equal(1, (await app.Tables.CountsAsync(couple.CoupleId)).Outcomes);

        await Driver.MarkAsync(couple.Partner, id, today, RitualOutcomeStatus.Done);
        Assert.Null(Assert.Single(await Driver.RitualListAsync(couple.Inviter)).AwaitingMark);
        Assert.Equal(2, (await app.Tables.CountsAsync(couple.CoupleId)).Outcomes);
    }

    [Fact]
    public async Task BothPartnersMarkingTheSameOccasionAtOnceLeaveExactlyOneOutcome()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Evening tea", today.AddDays(-3), "09:00"));

        var (first, second) = await Simultaneously.RunAsync(
            () => Driver.OccurrencesAsync(couple.Inviter, occurrences => occurrences.MarkAsync(id, today.AddDays(-1), RitualOutcomeStatus.Done)),
            () => Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.MarkAsync(id, today.AddDays(-1), RitualOutcomeStatus.Skipped)));

        Assert.True(first.Succeeded || second.Succeeded, $"Neither mark was saved: {first.Error} / {second.Error}");
        Assert.All(new[] { first, second }.Where(result => !result.Succeeded), refused =>
            Assert.Equal("Your partner just marked this too. Have a look and try again if you'd like to change it.", refused.Error));
        Assert.Equal(1, (await app.Tables.CountsAsync(couple.CoupleId)).Outcomes);
    }

    [Fact]
    public async Task OnlyAnOccasionTheRitualHasThatHasStartedCanBeMarkedOrWrittenAbout()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var tomorrow = today.AddDays(1);
        var weekly = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Pottery class", today.AddDays(-14), "09:00", tomorrow.DayOfWeek));
        var tonight = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Reading aloud", today.AddDays(-3), "23:00"));
        var before = await app.Tables.SnapshotAsync(couple.CoupleId);

        var refusals = new (string What, Web.Infrastructure.ServiceResult Result, string Expected)[]
        {
            ("a day the weekly ritual doesn't happen", await Mark(couple.Partner, weekly, today), RitualOccurrencesService.NotAnOccurrenceMessage),
            ("its next occasion, tomorrow", await Mark(couple.Partner, weekly, tomorrow), RitualOccurrencesService.NotYetMessage),
            ("the weekday before it started", await Mark(couple.Partner, weekly, tomorrow.AddDays(-21)), RitualOccurrencesService.NotAnOccurrenceMessage),
            ("tonight, before 23:00", await Mark(couple.Inviter, tonight, today), RitualOccurrencesService.NotYetMessage),
            ("a note on tonight", await Driver.OccurrencesAsync(couple.Inviter, occurrences => occurrences.WriteNoteAsync(tonight, today, "Chapter 3")), RitualOccurrencesService.NotYetMessage),
            ("a note on a day without the ritual", await Driver.OccurrencesAsync(couple.Inviter, occurrences => occurrences.WriteNoteAsync(weekly, today, "Clay!")), RitualOccurrencesService.NotAnOccurrenceMessage),
            ("neither done nor skipped", await Mark(couple.Inviter, tonight, today.AddDays(-1), (RitualOutcomeStatus)7), "Please choose done or skipped."),
            ("a ritual id that doesn't exist", await Mark(couple.Inviter, Guid.NewGuid(), today.AddDays(-1)), RitualsService.GoneMessage),
        };

        Assert.All(refusals, refusal => Assert.True(refusal.Result.Error == refusal.Expected, $"{refusal.What}: {refusal.Result.Error ?? "accepted"}"));
        Assert.Equal(before, await app.Tables.SnapshotAsync(couple.CoupleId));

        // The same occasions are fine once they have started.
        await Driver.MarkAsync(couple.Inviter, tonight, today.AddDays(-1), RitualOutcomeStatus.Done);
        await Driver.MarkAsync(couple.Partner, weekly, tomorrow.AddDays(-7), RitualOutcomeStatus.Skipped);
    }

    [Fact]
    public async Task AnOccasionMoreThanSixtyDaysAgoCanNoLongerBeMarkedOrWrittenAbout()
    {
        var couple = await app.NewCoupleAsync();
        var start = app.Today().AddDays(-RitualOutcome.MaxDaysBack);
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Plant watering", start, "09:00"));
        await Driver.MarkAsync(couple.Inviter, id, start, RitualOutcomeStatus.Done); // exactly 60 days back: still fine

        app.Clock.Advance(TimeSpan.FromDays(2));
        var today = app.Today();
        var before = await app.Tables.SnapshotAsync(couple.CoupleId);

        Assert.Equal(RitualOccurrencesService.TooLongAgoMessage, (await Mark(couple.Partner, id, today.AddDays(-61))).Error);
        Assert.Equal(RitualOccurrencesService.TooLongAgoMessage, (await Mark(couple.Partner, id, start, RitualOutcomeStatus.Skipped)).Error);
        Assert.Equal(RitualOccurrencesService.TooLongAgoMessage, (await Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.WriteNoteAsync(id, start, "Basil survived."))).Error);
        Assert.Equal(before, await app.Tables.SnapshotAsync(couple.CoupleId));

        await Driver.MarkAsync(couple.Partner, id, today.AddDays(-60), RitualOutcomeStatus.Done);
    }

    [Fact]
    public async Task EachPartnerWritesTheirOwnNoteAndNeitherOverwritesTheOther()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var day = today.AddDays(-2);
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Sunset walk", today.AddDays(-7), "09:00"));

        await Driver.WriteNoteAsync(couple.Inviter, id, day, "The heron was back.");
        await Driver.WriteNoteAsync(couple.Partner, id, day, "Cold, but <b>worth it</b>.");
        await Driver.WriteNoteAsync(couple.Inviter, id, day, "The heron was back, with a friend.");

        foreach (var (person, mine, theirs) in new[] { (couple.Inviter, "The heron was back, with a friend.", "Cold, but <b>worth it</b>."), (couple.Partner, "Cold, but <b>worth it</b>.", "The heron was back, with a friend.") })
        {
            var notes = Assert.Single((await Driver.RitualAsync(person, id)).Past, past => past.Occurrence.Day == day).Notes;
            Assert.Equal(mine, Assert.Single(notes, note => note.Mine).Text);
            Assert.Equal(theirs, Assert.Single(notes, note => !note.Mine).Text);
        }

        Assert.Equal(2, (await app.Tables.CountsAsync(couple.CoupleId)).Notes);
        Assert.Equal(0, (await app.Tables.CountsAsync(couple.CoupleId)).Outcomes); // a note is not a mark

        var before = await app.Tables.SnapshotAsync(couple.CoupleId);
        var tooLong = await Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.WriteNoteAsync(id, day, new string('w', RitualText.NoteMaxLength + 1)));
        Assert.Equal("Please keep your note to 1,000 characters (this one has 1,001). Nothing was saved; shorten it and try again.", tooLong.Error);
        var blank = await Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.WriteNoteAsync(id, day, "  \n "));
        Assert.Equal("Please write your note first.", blank.Error);
        Assert.Equal(before, await app.Tables.SnapshotAsync(couple.CoupleId));

        await Driver.WriteNoteAsync(couple.Partner, id, day, new string('w', RitualText.NoteMaxLength));
    }

    [Fact]
    public async Task ProgressCountsTheStartedOccasionsAndTheStreakOfDoneOnesInARow()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Stretching", today.AddDays(-5), "09:00"));
        await AssertProgressAsync(couple, id, new RitualProgress(0, 5, 0)); // today's has started but may be happening now: not counted yet

        await Driver.MarkAsync(couple.Inviter, id, today.AddDays(-5), RitualOutcomeStatus.Done);
        await Driver.MarkAsync(couple.Partner, id, today.AddDays(-4), RitualOutcomeStatus.Skipped);
        await Driver.MarkAsync(couple.Inviter, id, today.AddDays(-3), RitualOutcomeStatus.Done);
        await Driver.MarkAsync(couple.Partner, id, today.AddDays(-2), RitualOutcomeStatus.Done);
        await Driver.MarkAsync(couple.Inviter, id, today.AddDays(-1), RitualOutcomeStatus.Done);
        await AssertProgressAsync(couple, id, new RitualProgress(4, 5, 3));
        Assert.Equal(80, (await Driver.RitualListAsync(couple.Inviter)).Single().Progress.Percent);

        await Driver.MarkAsync(couple.Partner, id, today, RitualOutcomeStatus.Done);
        await AssertProgressAsync(couple, id, new RitualProgress(5, 6, 4));

        await Driver.MarkAsync(couple.Partner, id, today.AddDays(-1), RitualOutcomeStatus.Skipped);
        await AssertProgressAsync(couple, id, new RitualProgress(4, 6, 1));

        // An unmarked occasion before the latest breaks the streak as a skipped one does.
        var gappy = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Journaling", today.AddDays(-3), "09:00"));
        await Driver.MarkAsync(couple.Inviter, gappy, today.AddDays(-3), RitualOutcomeStatus.Done);
        await Driver.MarkAsync(couple.Inviter, gappy, today.AddDays(-1), RitualOutcomeStatus.Done);
        await AssertProgressAsync(couple, gappy, new RitualProgress(2, 3, 1));
    }

    private Task<Web.Infrastructure.ServiceResult> Mark(TestPerson person, Guid ritualId, DateOnly day, RitualOutcomeStatus status = RitualOutcomeStatus.Done) =>
        Driver.OccurrencesAsync(person, occurrences => occurrences.MarkAsync(ritualId, day, status));

    private async Task AssertMarkedAsync(PairedCouple couple, Guid ritualId, DateOnly day, RitualOutcomeStatus status, string markedBy)
    {
        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            var past = Assert.Single((await Driver.RitualAsync(person, ritualId)).Past, past => past.Occurrence.Day == day);
            Assert.Equal(((RitualOutcomeStatus?)status, markedBy, person.DisplayName == markedBy), (past.Occurrence.Status, past.MarkedByName, past.Occurrence.MarkedByMe));
        }
    }

    private async Task AssertProgressAsync(PairedCouple couple, Guid ritualId, RitualProgress expected)
    {
        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            Assert.Equal(expected, Assert.Single(await Driver.RitualListAsync(person), summary => summary.Id == ritualId).Progress);
            Assert.Equal(expected, (await Driver.RitualAsync(person, ritualId)).Summary.Progress);
        }
    }
}
