using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;

namespace CoupleConnect.Domain.Tests.Rituals;

public class ARitualReminder
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static RitualSchedule Schedule(RitualRepeat repeat, string zone, string startDate, string time, DayOfWeek[]? weekdays = null, int nth = 0, DayOfWeek nthWeekday = DayOfWeek.Sunday, int dayOfMonth = 0)
    {
        Assert.True(LocalTimeOfDay.TryParse(time, out var at, out _));
        var created = RitualSchedule.TryCreate(repeat, DateOnly.Parse(startDate, CultureInfo.InvariantCulture), at!, TimeSpan.FromHours(1), weekdays, dayOfMonth, nth, nthWeekday, TimeZoneId.Parse(zone), DateTimeOffset.MinValue, out var schedule, out var problem);
        Assert.True(created, problem);
        return schedule!;
    }

    private static DateTimeOffset Local(string zone, string local) =>
        ReminderClock.DueOn(TimeZoneId.Parse(zone), LocalTimeOfDay.From(TimeOnly.Parse(local[11..], CultureInfo.InvariantCulture)), DateOnly.Parse(local[..10], CultureInfo.InvariantCulture));

    [Fact]
    public void ComesTheLeadTimeBeforeTheNextOccurrence()
    {
        var dateNight = Schedule(RitualRepeat.Weekly, "Europe/Berlin", "2026-11-01", "19:30", [DayOfWeek.Friday]);

        var next = RitualReminder.NextAfter(dateNight, TimeZoneId.Parse("Europe/Berlin"), TimeSpan.FromHours(2), dayBefore: false, Now);

        Assert.Equal(new RitualReminderDue(new DateOnly(2026, 11, 27), ReminderKind.RitualReminder, Local("Europe/Berlin", "2026-11-27 17:30")), next);
    }

    [Fact]
    public void OnceTheReminderTimeHasPassedTheNextOneIsForTheFollowingOccurrence()
    {
        var berlin = TimeZoneId.Parse("Europe/Berlin");
        var dateNight = Schedule(RitualRepeat.Weekly, "Europe/Berlin", "2026-11-01", "19:30", [DayOfWeek.Friday]);
        var reminderTime = Local("Europe/Berlin", "2026-11-27 17:30");

        var next = RitualReminder.NextAfter(dateNight, berlin, TimeSpan.FromHours(2), false, reminderTime);

        Assert.Equal(new DateOnly(2026, 12, 4), next!.OccurrenceDay);
        Assert.Equal(Local("Europe/Berlin", "2026-12-04 17:30"), next.DueUtc);
    }

    [Fact]
    public void AMonthlyRitualRemindsTheDayBeforeAtItsOwnTimeAndThenTheLeadTimeBefore()
    {
        var newYork = TimeZoneId.Parse("America/New_York");
        var reflection = Schedule(RitualRepeat.MonthlyOnNthWeekday, "America/New_York", "2026-11-01", "19:00", nth: 1, nthWeekday: DayOfWeek.Sunday);

        var dayBefore = RitualReminder.NextAfter(reflection, newYork, TimeSpan.FromHours(2), true, Now)!;
        var sameDay = RitualReminder.NextAfter(reflection, newYork, TimeSpan.FromHours(2), true, dayBefore.DueUtc)!;
        var following = RitualReminder.NextAfter(reflection, newYork, TimeSpan.FromHours(2), true, sameDay.DueUtc)!;

        Assert.Equal(new RitualReminderDue(new DateOnly(2026, 12, 6), ReminderKind.RitualDayBefore, Local("America/New_York", "2026-12-05 19:00")), dayBefore);
        Assert.Equal(new RitualReminderDue(new DateOnly(2026, 12, 6), ReminderKind.RitualReminder, Local("America/New_York", "2026-12-06 17:00")), sameDay);
        Assert.Equal(new DateOnly(2027, 1, 3), following.OccurrenceDay);
        Assert.Equal(ReminderKind.RitualDayBefore, following.Kind);
    }

    [Fact]
    public void ADayBeforeReminderIsLeftOutWhenTheLeadTimeIsADayOrMore()
    {
        var newYork = TimeZoneId.Parse("America/New_York");
        var reflection = Schedule(RitualRepeat.MonthlyOnNthWeekday, "America/New_York", "2026-11-01", "19:00", nth: 1, nthWeekday: DayOfWeek.Sunday);

        var first = RitualReminder.NextAfter(reflection, newYork, TimeSpan.FromDays(1), true, Now)!;
        var second = RitualReminder.NextAfter(reflection, newYork, TimeSpan.FromDays(1), true, first.DueUtc)!;

        Assert.Equal(new RitualReminderDue(new DateOnly(2026, 12, 6), ReminderKind.RitualReminder, Local("America/New_York", "2026-12-05 19:00")), first);
        Assert.Equal(new DateOnly(2027, 1, 3), second.OccurrenceDay);
        Assert.Equal(ReminderKind.RitualReminder, second.Kind);
    }

    [Fact]
    public void ALeadOfAWeekOnADailyRitualRemindsOncePerOccurrenceAWeekAhead()
    {
        var berlin = TimeZoneId.Parse("Europe/Berlin");
        var daily = Schedule(RitualRepeat.Daily, "Europe/Berlin", "2026-11-25", "21:30");
        var reminders = new List<RitualReminderDue>();
        var after = Now;
        for (var i = 0; i < 10; i++)
        {
            var next = RitualReminder.NextAfter(daily, berlin, RitualReminder.MaxLead, false, after)!;
            reminders.Add(next);
            after = next.DueUtc;
        }

        Assert.Equal(10, reminders.Select(reminder => reminder.OccurrenceDay).Distinct().Count());
        Assert.All(reminders, reminder => Assert.Equal(daily.On(berlin, reminder.OccurrenceDay)!.StartsUtc - TimeSpan.FromDays(7), reminder.DueUtc));
        Assert.Equal(new DateOnly(2026, 12, 2), reminders[0].OccurrenceDay); // 25 Nov's (and later ones') week-ahead moment is past
    }

    [Theory]
    [InlineData("Europe/Berlin", "2027-03-28", "02:30", "2027-03-28 03:00")] // spring forward: 02:30 doesn't exist
    [InlineData("America/New_York", "2027-03-14", "02:30", "2027-03-14 03:00")]
    [InlineData("Australia/Lord_Howe", "2027-10-03", "02:15", "2027-10-03 02:30")] // half-hour shift
    public void AnOccurrenceAtASkippedLocalTimeIsRemindedOnceRelativeToItsRealStart(string zone, string day, string time, string realStart)
    {
        var tz = TimeZoneId.Parse(zone);
        var daily = Schedule(RitualRepeat.Daily, zone, "2027-03-01", time);
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var before = daily.On(tz, date.AddDays(-1))!.StartsUtc;

        var reminders = Enumerable.Range(0, 3).Aggregate(
            new List<RitualReminderDue>(),
            (list, _) =>
            {
                list.Add(RitualReminder.NextAfter(daily, tz, TimeSpan.FromMinutes(30), false, list.Count == 0 ? before.AddMinutes(-31) : list[^1].DueUtc)!);
                return list;
            });

        var onTheDay = Assert.Single(reminders, reminder => reminder.OccurrenceDay == date);
        var start = TimeZoneInfo.ConvertTime(onTheDay.DueUtc + TimeSpan.FromMinutes(30), tz.Zone);
        Assert.Equal(realStart, start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ARepeatedLocalTimeOnFallBackHappensAndIsRemindedOnce()
    {
        var berlin = TimeZoneId.Parse("Europe/Berlin");
        var daily = Schedule(RitualRepeat.Daily, "Europe/Berlin", "2026-10-01", "02:30");
        var fallBack = new DateOnly(2026, 10, 25);

        var occurrences = daily.OccurrencesBetween(berlin, new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero)).ToList();
        var reminders = new List<RitualReminderDue>();
        var after = new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero);
        while (RitualReminder.NextAfter(daily, berlin, TimeSpan.FromMinutes(15), false, after) is { } next && next.DueUtc < new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero))
        {
            reminders.Add(next);
            after = next.DueUtc;
        }

        Assert.Single(occurrences, occurrence => occurrence.Day == fallBack);
        Assert.Single(reminders, reminder => reminder.OccurrenceDay == fallBack);
        Assert.Equal(occurrences.Count, reminders.Count);
    }

    [Fact]
    public void PartnersInDifferentZonesAreRemindedAtTheSameInstantWhichReadsDifferentlyOnEachClock()
    {
        var berlin = TimeZoneId.Parse("Europe/Berlin");
        var newYork = TimeZoneId.Parse("America/New_York");
        var dateNight = Schedule(RitualRepeat.Weekly, "Europe/Berlin", "2026-10-01", "19:30", [DayOfWeek.Friday]);

        // 30 Oct 2026: Europe is back on winter time, New York not yet (5 h apart); 6 Nov: both on winter time (6 h).
        var late = RitualReminder.NextAfter(dateNight, berlin, TimeSpan.FromHours(2), false, new DateTimeOffset(2026, 10, 29, 0, 0, 0, TimeSpan.Zero))!;
        var later = RitualReminder.NextAfter(dateNight, berlin, TimeSpan.FromHours(2), false, late.DueUtc)!;

        Assert.Equal("17:30", TimeZoneInfo.ConvertTime(late.DueUtc, berlin.Zone).ToString("HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal("12:30", TimeZoneInfo.ConvertTime(late.DueUtc, newYork.Zone).ToString("HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal("17:30", TimeZoneInfo.ConvertTime(later.DueUtc, berlin.Zone).ToString("HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal("11:30", TimeZoneInfo.ConvertTime(later.DueUtc, newYork.Zone).ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(-1, "A reminder comes before the ritual, not after it.")]
    [InlineData(7 * 24 * 60 + 1, "A reminder can come at most 7 days before.")]
    public void RefusesALeadTimeOutsideZeroToSevenDays(int minutes, string message)
    {
        Assert.Equal(message, RitualReminder.ProblemWithLead(TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7 * 24 * 60)]
    public void AcceptsZeroToSevenDays(int minutes)
    {
        Assert.Null(RitualReminder.ProblemWithLead(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void OffersTheDayBeforeOnlyForMonthlyRituals()
    {
        Assert.True(RitualReminder.OffersDayBefore(RitualRepeat.MonthlyOnDay));
        Assert.True(RitualReminder.OffersDayBefore(RitualRepeat.MonthlyOnNthWeekday));
        Assert.False(RitualReminder.OffersDayBefore(RitualRepeat.Weekly));
        Assert.False(RitualReminder.OffersDayBefore(RitualRepeat.Daily));
    }

    [Fact]
    public void AOnceRitualHasNoReminderAfterItHappened()
    {
        var once = Schedule(RitualRepeat.Once, "Europe/Berlin", "2026-12-24", "18:00");

        Assert.NotNull(RitualReminder.NextAfter(once, TimeZoneId.Parse("Europe/Berlin"), TimeSpan.FromHours(1), false, Now));
        Assert.Null(RitualReminder.NextAfter(once, TimeZoneId.Parse("Europe/Berlin"), TimeSpan.FromHours(1), false, new DateTimeOffset(2026, 12, 24, 17, 0, 0, TimeSpan.Zero)));
    }
}
