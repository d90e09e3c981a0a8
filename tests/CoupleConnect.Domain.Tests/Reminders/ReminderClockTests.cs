using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using Microsoft.Extensions.Time.Testing;
using static CoupleConnect.Domain.Tests.Reminders.Nudging;

namespace CoupleConnect.Domain.Tests.Reminders;

/// <summary>
/// A dispatcher that sends each reminder when it falls due (or a little late) and then asks for the next one, followed
/// from 1 January 2026 for about two years, so both daylight-saving changes of 2026 and of 2027 are crossed.
/// Each case names the local days on which the chosen time does not exist (spring forward) and the local days on
/// which it happens twice (fall back), taken from the tz database (zdump), not from ReminderClock.
/// </summary>
public class AReminderFollowedAcrossTwoYearsOfDaylightSavingChanges
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int RemindersFollowed = 740;

    private const string NewYorkSpringForward = "2026-03-08,2027-03-14";
    private const string NewYorkFallBack = "2026-11-01,2027-11-07";
    private const string LondonSpringForward = "2026-03-29,2027-03-28";
    private const string LondonFallBack = "2026-10-25,2027-10-31";
    private const string LordHoweSpringForward = "2026-10-04,2027-10-03";
    private const string LordHoweFallBack = "2026-04-05,2027-04-04";
    private const string AucklandSpringForward = "2026-09-27,2027-09-26";
    private const string AucklandFallBack = "2026-04-05,2027-04-04";

    /// <summary>zone, chosen time, days the time is skipped over, days the time happens twice.</summary>
    private static readonly (string Zone, string Time, string Skipped, string Repeated)[] Schedules =
    [
        ("America/New_York", "08:00", "", ""),
        ("America/New_York", "21:00", "", ""),
        ("America/New_York", "00:00", "", ""),
        ("America/New_York", "23:59", "", ""),
        ("America/New_York", "02:00", NewYorkSpringForward, ""),
        ("America/New_York", "02:30", NewYorkSpringForward, ""),
        ("America/New_York", "02:59", NewYorkSpringForward, ""),
        ("America/New_York", "03:00", "", ""),
        ("America/New_York", "00:59", "", ""),
        ("America/New_York", "01:00", "", NewYorkFallBack),
        ("America/New_York", "01:30", "", NewYorkFallBack),
        ("America/New_York", "01:59", "", NewYorkFallBack),
        ("Europe/London", "08:00", "", ""),
        ("Europe/London", "21:00", "", ""),
        ("Europe/London", "00:30", "", ""),
        ("Europe/London", "01:00", LondonSpringForward, LondonFallBack),
        ("Europe/London", "01:30", LondonSpringForward, LondonFallBack),
        ("Europe/London", "02:00", "", ""),
        ("Australia/Lord_Howe", "08:00", "", ""),
        ("Australia/Lord_Howe", "21:00", "", ""),
        ("Australia/Lord_Howe", "01:29", "", ""),
        ("Australia/Lord_Howe", "01:30", "", LordHoweFallBack),
        ("Australia/Lord_Howe", "01:45", "", LordHoweFallBack),
        ("Australia/Lord_Howe", "01:59", "", LordHoweFallBack),
        ("Australia/Lord_Howe", "02:00", LordHoweSpringForward, ""),
        ("Australia/Lord_Howe", "02:15", LordHoweSpringForward, ""),
        ("Australia/Lord_Howe", "02:29", LordHoweSpringForward, ""),
        ("Australia/Lord_Howe", "02:30", "", ""),
        ("Asia/Kolkata", "08:00", "", ""),
        ("Asia/Kolkata", "21:00", "", ""),
        ("Asia/Kolkata", "00:00", "", ""),
        ("Asia/Kolkata", "02:30", "", ""),
        ("Pacific/Auckland", "08:00", "", ""),
        ("Pacific/Auckland", "21:00", "", ""),
        ("Pacific/Auckland", "01:59", "", ""),
        ("Pacific/Auckland", "02:00", AucklandSpringForward, AucklandFallBack),
        ("Pacific/Auckland", "02:30", AucklandSpringForward, AucklandFallBack),
        ("Pacific/Auckland", "03:00", "", ""),
    ];

    /// <summary>How long after a reminder falls due the dispatcher sends it and asks for the next one (up to the staleness limit).</summary>
    private static readonly int[] DispatchDelaysInMinutes = [0, 1, 180];

    public static TheoryData<string, string, int, string, string> Cases()
    {
        var data = new TheoryData<string, string, int, string, string>();
        foreach (var (zone, time, skipped, repeated) in Schedules)
        {
            foreach (var delay in DispatchDelaysInMinutes)
            {
                data.Add(zone, time, delay, skipped, repeated);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsAlwaysDueStrictlyLaterThanTheLastOne(string zoneId, string time, int delayMinutes, string skipped, string repeated)
    {
        _ = (skipped, repeated);
        var followed = Follow(Zone(zoneId), At(time), delayMinutes);

        Assert.Equal(RemindersFollowed, followed.Count);
        Assert.All(followed, step => Assert.True(step.Due > step.AskedAt, $"asked at {step.AskedAt:O}, got {step.Due:O}"));
        Assert.All(followed.Zip(followed.Skip(1)), pair => Assert.True(pair.Second.Due > pair.First.Due, $"{pair.Second.Due:O} follows {pair.First.Due:O}"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FallsOnConsecutiveLocalDaysWithNoGapAndNoRepeat(string zoneId, string time, int delayMinutes, string skipped, string repeated)
    {
        _ = (skipped, repeated);
        var zone = Zone(zoneId);
        var at = At(time);
        var startWallClock = WallClock(zone, From);
        var firstDay = DateOnly.FromDateTime(startWallClock).AddDays(TimeOnly.FromDateTime(startWallClock) < at.Value ? 0 : 1);

        var days = Follow(zone, at, delayMinutes).Select(step => ReminderClock.LocalDateOf(zone, step.Due)).ToList();

        Assert.Equal(Enumerable.Range(0, RemindersFollowed).Select(firstDay.AddDays), days);
        Assert.Equal(days, Follow(zone, at, delayMinutes).Select(step => DateOnly.FromDateTime(WallClock(zone, step.Due))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadsTheChosenTimeOnTheLocalClockExceptOnDaysThatSkipIt(string zoneId, string time, int delayMinutes, string skipped, string repeated)
    {
        _ = repeated;
        var zone = Zone(zoneId);
        var at = At(time);

        var followed = Follow(zone, at, delayMinutes);
        var notAtTheChosenTime = followed
            .Where(step => TimeOnly.FromDateTime(WallClock(zone, step.Due)) != at.Value)
            .Select(step => DateOnly.FromDateTime(WallClock(zone, step.Due)))
            .ToList();

        Assert.Equal(Days(skipped), notAtTheChosenTime);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiresTheMomentTheLocalClockFirstReachesTheChosenTime(string zoneId, string time, int delayMinutes, string skipped, string repeated)
    {
        _ = (skipped, repeated);
        var zone = Zone(zoneId);
        var at = At(time);

        // On a normal day the clock reads the chosen time at the due instant; on a spring-forward day the clock jumps
        // over it, and the reminder fires right at the jump: one tick earlier the clock still read less than the chosen time.
        Assert.All(Follow(zone, at, delayMinutes), step =>
        {
            var chosen = DateOnly.FromDateTime(WallClock(zone, step.Due)).ToDateTime(at.Value);
            Assert.True(WallClock(zone, step.Due) >= chosen, $"{step.Due:O} reads {WallClock(zone, step.Due):O}, before {chosen:O}");
            Assert.True(WallClock(zone, step.Due - TimeSpan.FromTicks(1)) < chosen, $"{step.Due:O} is not the first moment the clock reaches {chosen:O}");
            Assert.Equal(0, step.Due.Ticks % TimeSpan.TicksPerMinute);
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiresAtTheFirstOccurrenceWhenTheTimeHappensTwice(string zoneId, string time, int delayMinutes, string skipped, string repeated)
    {
        _ = skipped;
        var zone = Zone(zoneId);
        TimeSpan[] fallBackShifts = [TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)];

        var followed = Follow(zone, At(time), delayMinutes);
        var happeningAgainLater = followed
            .Where(step => fallBackShifts.Any(shift => WallClock(zone, step.Due + shift) == WallClock(zone, step.Due)))
            .Select(step => ReminderClock.LocalDateOf(zone, step.Due))
            .ToList();

        Assert.Equal(Days(repeated), happeningAgainLater);
        Assert.All(followed, step => Assert.DoesNotContain(
            fallBackShifts, shift => WallClock(zone, step.Due - shift) == WallClock(zone, step.Due)));
    }

    private static List<(DateTimeOffset AskedAt, DateTimeOffset Due)> Follow(TimeZoneId zone, LocalTimeOfDay at, int delayMinutes)
    {
        var clock = new FakeTimeProvider(From);
        var followed = new List<(DateTimeOffset AskedAt, DateTimeOffset Due)>();
        for (var i = 0; i < RemindersFollowed; i++)
        {
            var now = clock.GetUtcNow();
            var due = ReminderClock.NextDueAfter(zone, at, now);
            followed.Add((now, due));
            if (due <= now)
            {
                break; // time can't go backwards; the ordering test reports it
            }

            clock.Advance(due - now + TimeSpan.FromMinutes(delayMinutes));
        }

        return followed;
    }
}

public class AReminderTimeInsideASpringForwardGap
{
    [Theory]
    [InlineData("America/New_York", "02:30", "2026-03-08", "2026-03-08T07:00:00Z", "03:00")]
    [InlineData("America/New_York", "02:00", "2026-03-08", "2026-03-08T07:00:00Z", "03:00")]
    [InlineData("America/New_York", "02:59", "2026-03-08", "2026-03-08T07:00:00Z", "03:00")]
    [InlineData("America/New_York", "02:30", "2027-03-14", "2027-03-14T07:00:00Z", "03:00")]
    [InlineData("Europe/London", "01:30", "2026-03-29", "2026-03-29T01:00:00Z", "02:00")]
    [InlineData("Europe/London", "01:30", "2027-03-28", "2027-03-28T01:00:00Z", "02:00")]
    [InlineData("Australia/Lord_Howe", "02:15", "2026-10-04", "2026-10-03T15:30:00Z", "02:30")]
    [InlineData("Australia/Lord_Howe", "02:00", "2026-10-04", "2026-10-03T15:30:00Z", "02:30")]
    [InlineData("Australia/Lord_Howe", "02:15", "2027-10-03", "2027-10-02T15:30:00Z", "02:30")]
    [InlineData("Pacific/Auckland", "02:30", "2026-09-27", "2026-09-26T14:00:00Z", "03:00")]
    [InlineData("Pacific/Auckland", "02:30", "2027-09-26", "2027-09-25T14:00:00Z", "03:00")]
    public void FiresAtTheFirstValidMinuteAfterTheGap(string zoneId, string time, string day, string expectedUtc, string expectedLocal)
    {
        var zone = Zone(zoneId);
        var expected = Instant(expectedUtc);

        Assert.Equal(expected, ReminderClock.DueOn(zone, At(time), Day(day)));
        Assert.Equal(expected, ReminderClock.NextDueAfter(zone, At(time), expected - TimeSpan.FromTicks(1)));
        Assert.Equal(expected, ReminderClock.NextDueAfter(zone, At(time), expected - TimeSpan.FromHours(20)));
        Assert.Equal(Day(day), ReminderClock.LocalDateOf(zone, expected));
        Assert.Equal(Day(day).ToDateTime(At(expectedLocal).Value), WallClock(zone, expected));
    }

    [Fact]
    public void IsStillSentThatDayWhenAskedJustBeforeTheClocksJump()
    {
        var clock = new FakeTimeProvider(Instant("2026-03-08T06:59:00Z")); // 01:59 EST

        var due = ReminderClock.NextDueAfter(NewYork, At("02:30"), clock.GetUtcNow());

        Assert.Equal(Instant("2026-03-08T07:00:00Z"), due);
    }

    [Fact]
    public void GoesBackToTheChosenTimeTheNextDay()
    {
        var clock = new FakeTimeProvider(Instant("2026-03-08T07:00:00Z")); // the 03:00 EDT reminder was just sent

        var due = ReminderClock.NextDueAfter(NewYork, At("02:30"), clock.GetUtcNow());

        Assert.Equal(Instant("2026-03-09T06:30:00Z"), due); // 02:30 EDT
        Assert.Equal(new DateTime(2026, 3, 9, 2, 30, 0), WallClock(NewYork, due));
    }
}

public class AnAmbiguousReminderTimeOnAFallBackDay
{
    [Theory]
    [InlineData("America/New_York", "01:30", "2026-11-01", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z")]
    [InlineData("America/New_York", "01:00", "2026-11-01", "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z")]
    [InlineData("America/New_York", "01:30", "2027-11-07", "2027-11-07T05:30:00Z", "2027-11-07T06:30:00Z")]
    [InlineData("Europe/London", "01:30", "2026-10-25", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z")]
    [InlineData("Europe/London", "01:30", "2027-10-31", "2027-10-31T00:30:00Z", "2027-10-31T01:30:00Z")]
    [InlineData("Australia/Lord_Howe", "01:45", "2026-04-05", "2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z")]
    [InlineData("Australia/Lord_Howe", "01:30", "2026-04-05", "2026-04-04T14:30:00Z", "2026-04-04T15:00:00Z")]
    [InlineData("Australia/Lord_Howe", "01:45", "2027-04-04", "2027-04-03T14:45:00Z", "2027-04-03T15:15:00Z")]
    [InlineData("Pacific/Auckland", "02:30", "2026-04-05", "2026-04-04T13:30:00Z", "2026-04-04T14:30:00Z")]
    [InlineData("Pacific/Auckland", "02:30", "2027-04-04", "2027-04-03T13:30:00Z", "2027-04-03T14:30:00Z")]
    public void FiresAtTheFirstOccurrence(string zoneId, string time, string day, string firstUtc, string secondUtc)
    {
        var zone = Zone(zoneId);
        var first = Instant(firstUtc);
        var wallClock = Day(day).ToDateTime(At(time).Value);
        Assert.Equal(wallClock, WallClock(zone, first));
        Assert.Equal(wallClock, WallClock(zone, Instant(secondUtc)));

        Assert.Equal(first, ReminderClock.DueOn(zone, At(time), Day(day)));
        Assert.Equal(first, ReminderClock.NextDueAfter(zone, At(time), first - TimeSpan.FromTicks(1)));
        Assert.Equal(first, ReminderClock.NextDueAfter(zone, At(time), first - TimeSpan.FromHours(20)));
    }

    [Theory]
    [InlineData("America/New_York", "01:30", "2026-11-01", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z")]
    [InlineData("Europe/London", "01:30", "2026-10-25", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z")]
    [InlineData("Australia/Lord_Howe", "01:45", "2026-04-05", "2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z")]
    [InlineData("Pacific/Auckland", "02:30", "2026-04-05", "2026-04-04T13:30:00Z", "2026-04-04T14:30:00Z")]
    public void DoesNotFireAgainWhenTheTimeComesRound(string zoneId, string time, string day, string firstUtc, string secondUtc)
    {
        var zone = Zone(zoneId);
        var first = Instant(firstUtc);
        var second = Instant(secondUtc);
        var tomorrow = Day(day).AddDays(1);
        var clock = new FakeTimeProvider(first);

        var afterSending = ReminderClock.NextDueAfter(zone, At(time), clock.GetUtcNow());
        clock.Advance((second - first) / 2);
        var betweenTheTwo = ReminderClock.NextDueAfter(zone, At(time), clock.GetUtcNow());
        clock.SetUtcNow(second - TimeSpan.FromTicks(1));
        var justBeforeTheSecond = ReminderClock.NextDueAfter(zone, At(time), clock.GetUtcNow());
        clock.SetUtcNow(second);
        var atTheSecond = ReminderClock.NextDueAfter(zone, At(time), clock.GetUtcNow());

        Assert.Equal(tomorrow.ToDateTime(At(time).Value), WallClock(zone, afterSending));
        Assert.Equal(tomorrow, ReminderClock.LocalDateOf(zone, afterSending));
        Assert.Equal(afterSending, betweenTheTwo);
        Assert.Equal(afterSending, justBeforeTheSecond);
        Assert.Equal(afterSending, atTheSecond);
    }
}

public class AReminderOnAnOrdinaryDay
{
    [Theory]
    [InlineData("America/New_York", "08:00", "2026-01-15", "2026-01-15T13:00:00Z")]
    [InlineData("America/New_York", "08:00", "2026-06-15", "2026-06-15T12:00:00Z")]
    [InlineData("America/New_York", "21:00", "2026-06-15", "2026-06-16T01:00:00Z")]
    [InlineData("America/New_York", "08:00", "2026-03-08", "2026-03-08T12:00:00Z")] // later the same spring-forward day
    [InlineData("America/New_York", "08:00", "2026-11-01", "2026-11-01T13:00:00Z")] // later the same fall-back day
    [InlineData("America/New_York", "21:00", "2026-03-07", "2026-03-08T02:00:00Z")] // the evening before
    [InlineData("Europe/London", "08:00", "2026-01-15", "2026-01-15T08:00:00Z")]
    [InlineData("Europe/London", "08:00", "2026-06-15", "2026-06-15T07:00:00Z")]
    [InlineData("Europe/London", "21:00", "2026-10-25", "2026-10-25T21:00:00Z")]
    [InlineData("Australia/Lord_Howe", "08:00", "2026-06-15", "2026-06-14T21:30:00Z")]
    [InlineData("Australia/Lord_Howe", "08:00", "2026-12-15", "2026-12-14T21:00:00Z")]
    [InlineData("Australia/Lord_Howe", "08:00", "2026-04-05", "2026-04-04T21:30:00Z")]
    [InlineData("Australia/Lord_Howe", "08:00", "2026-10-04", "2026-10-03T21:00:00Z")]
    [InlineData("Asia/Kolkata", "08:00", "2026-06-15", "2026-06-15T02:30:00Z")]
    [InlineData("Asia/Kolkata", "21:00", "2026-12-15", "2026-12-15T15:30:00Z")]
    [InlineData("Pacific/Auckland", "08:00", "2026-06-15", "2026-06-14T20:00:00Z")]
    [InlineData("Pacific/Auckland", "08:00", "2026-12-15", "2026-12-14T19:00:00Z")]
    [InlineData("Pacific/Auckland", "21:00", "2026-04-05", "2026-04-05T09:00:00Z")]
    [InlineData("Pacific/Auckland", "08:00", "2026-09-27", "2026-09-26T19:00:00Z")]
    public void FiresAtTheChosenLocalTime(string zoneId, string time, string day, string expectedUtc)
    {
        var zone = Zone(zoneId);
        var expected = Instant(expectedUtc);

        var due = ReminderClock.DueOn(zone, At(time), Day(day));

        Assert.Equal(expected, due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(Day(day), ReminderClock.LocalDateOf(zone, due));
        Assert.Equal(Day(day).ToDateTime(At(time).Value), WallClock(zone, due));
    }
}

public class AskingWhenTheNextReminderIsDue
{
    [Theory]
    [InlineData("America/New_York", "08:00", "2026-06-15T12:00:00Z")]
    [InlineData("Asia/Kolkata", "21:00", "2026-06-15T15:30:00Z")]
    [InlineData("Pacific/Auckland", "08:00", "2026-06-14T20:00:00Z")]
    [InlineData("Australia/Lord_Howe", "08:00", "2026-06-14T21:30:00Z")]
    public void OneTickBeforeADueInstantGivesThatInstant(string zoneId, string time, string dueUtc)
    {
        var due = Instant(dueUtc);
        var clock = new FakeTimeProvider(due - TimeSpan.FromTicks(1));

        Assert.Equal(due, ReminderClock.NextDueAfter(Zone(zoneId), At(time), clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("America/New_York", "08:00", "2026-06-15T12:00:00Z", "2026-06-16T12:00:00Z")]
    [InlineData("Asia/Kolkata", "21:00", "2026-06-15T15:30:00Z", "2026-06-16T15:30:00Z")]
    [InlineData("Pacific/Auckland", "08:00", "2026-06-14T20:00:00Z", "2026-06-15T20:00:00Z")]
    [InlineData("Australia/Lord_Howe", "08:00", "2026-06-14T21:30:00Z", "2026-06-15T21:30:00Z")]
    [InlineData("America/New_York", "08:00", "2026-03-07T13:00:00Z", "2026-03-08T12:00:00Z")] // a 23-hour day between
    [InlineData("America/New_York", "08:00", "2026-10-31T12:00:00Z", "2026-11-01T13:00:00Z")] // a 25-hour day between
    [InlineData("Australia/Lord_Howe", "08:00", "2026-10-02T21:30:00Z", "2026-10-03T21:00:00Z")] // a 23½-hour day between
    [InlineData("Australia/Lord_Howe", "08:00", "2026-04-03T21:00:00Z", "2026-04-04T21:30:00Z")] // a 24½-hour day between
    public void ExactlyAtADueInstantGivesTheNextDays(string zoneId, string time, string dueUtc, string nextUtc)
    {
        var zone = Zone(zoneId);
        var clock = new FakeTimeProvider(Instant(dueUtc));

        var next = ReminderClock.NextDueAfter(zone, At(time), clock.GetUtcNow());

        Assert.Equal(Instant(nextUtc), next);
        Assert.Equal(ReminderClock.LocalDateOf(zone, Instant(dueUtc)).AddDays(1), ReminderClock.LocalDateOf(zone, next));
    }

    [Theory]
    [InlineData("Pacific/Auckland", "08:00", "2026-06-14T12:30:00Z", "2026-06-14T20:00:00Z")] // 00:30 on the 15th, the 14th in UTC
    [InlineData("America/New_York", "21:00", "2026-06-16T00:30:00Z", "2026-06-16T01:00:00Z")] // 20:30 on the 15th, the 16th in UTC
    [InlineData("Asia/Kolkata", "08:00", "2026-06-14T23:00:00Z", "2026-06-15T02:30:00Z")] // 04:30 on the 15th
    [InlineData("Australia/Lord_Howe", "21:00", "2026-06-15T10:00:00Z", "2026-06-15T10:30:00Z")] // 20:30 on the 15th
    [InlineData("Europe/London", "08:00", "2026-06-15T07:00:00Z", "2026-06-16T07:00:00Z")] // 08:00 sharp: already due
    public void GivesTodaysWhenItIsStillAheadAndTomorrowsOnceItHasPassed(string zoneId, string time, string askedAtUtc, string expectedUtc)
    {
        var clock = new FakeTimeProvider(Instant(askedAtUtc));

        Assert.Equal(Instant(expectedUtc), ReminderClock.NextDueAfter(Zone(zoneId), At(time), clock.GetUtcNow()));
    }
}

public class TheStalenessRule
{
    private static readonly DateTimeOffset Due = new(2026, 11, 1, 5, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AllowsThreeHours()
    {
        Assert.Equal(TimeSpan.FromHours(3), ReminderClock.StalenessLimit);
    }

    [Fact]
    public void KeepsAReminderExactlyThreeHoursLate()
    {
        var clock = new FakeTimeProvider(Due);

        clock.Advance(TimeSpan.FromHours(3));

        Assert.False(ReminderClock.IsStale(Due, clock.GetUtcNow()));
    }

    [Fact]
    public void DropsAReminderOneTickMoreThanThreeHoursLate()
    {
        var clock = new FakeTimeProvider(Due);

        clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromTicks(1));

        Assert.True(ReminderClock.IsStale(Due, clock.GetUtcNow()));
    }

    [Fact]
    public void DropsAReminderADayLate()
    {
        var clock = new FakeTimeProvider(Due);

        clock.Advance(TimeSpan.FromDays(1));

        Assert.True(ReminderClock.IsStale(Due, clock.GetUtcNow()));
    }

    [Fact]
    public void KeepsAReminderOnTime()
    {
        Assert.False(ReminderClock.IsStale(Due, Due));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(60 * 24)]
    public void KeepsAReminderAskedAboutEarly(int minutesEarly)
    {
        var clock = new FakeTimeProvider(Due - TimeSpan.FromMinutes(minutesEarly));

        Assert.False(ReminderClock.IsStale(Due, clock.GetUtcNow()));
    }
}
