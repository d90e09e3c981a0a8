using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Talks;

/// <summary>A talk's time as each partner reads it: in their own zone, with the partner's clock when it differs.</summary>
public static class TalkTimes
{
    /// <summary>"Friday 11 December, 19:30" — plus "(20:30 for Sam)" when Sam's clock says otherwise, with the day if it differs.</summary>
    public static string Describe(DateTimeOffset instant, TimeZoneId myZone, TimeZoneId partnerZone, string partnerName)
    {
        var mine = TimeZoneInfo.ConvertTime(instant, myZone.Zone);
        var text = mine.ToString("dddd d MMMM, ", CultureInfo.InvariantCulture) + ClockText.Of(mine.DateTime);
        var theirs = TimeZoneInfo.ConvertTime(instant, partnerZone.Zone);
        if (theirs.Offset == mine.Offset)
        {
            return text;
        }

        var dayNote = theirs.Date == mine.Date ? string.Empty : " " + theirs.ToString("dddd", CultureInfo.InvariantCulture);
        return $"{text} ({ClockText.Of(theirs.DateTime)}{dayNote} for {partnerName})";
    }

    /// <summary>The instant a local date and time in <paramref name="zone"/> names (a time skipped by DST moves to the next valid minute).</summary>
    public static DateTimeOffset At(TimeZoneId zone, DateOnly day, TimeOnly time) => ReminderClock.DueOn(zone, LocalTimeOfDay.From(time), day);

    /// <summary>"12 min left": whole minutes, rounded up so "0 min" only shows when time is really up.</summary>
    public static string Left(TimeSpan left) => left <= TimeSpan.Zero ? "Time's up" : $"{(int)Math.Ceiling(left.TotalMinutes)} min left";

    /// <summary>How early the talk's reminder goes out.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromMinutes(15);
}
