using System.Globalization;
using System.Text;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>One ritual as the calendar feed shows it.</summary>
public sealed record CalendarRitual(Guid Id, string Name, string? Description, RitualSchedule Schedule, DateTimeOffset UpdatedAt);

/// <summary>
/// The couple's upcoming ritual occurrences as an RFC 5545 calendar, written by hand: a VTIMEZONE for the couple's home
/// zone built from the machine's time-zone data (the real transitions in the covered window), then one VEVENT per
/// occurrence, with wall-clock times in that zone. Phone calendars subscribe to it and re-read it now and then. Why not
/// Ical.Net's writer: its folding can split an emoji and its VTIMEZONE follows the system clock (ADR 0021).
/// </summary>
public static class RitualCalendar
{
    /// <summary>How far ahead the feed looks, in the couple's local days, from the start of today.</summary>
    public const int Days = 90;

    /// <summary>At most this many events (a handful of daily rituals would otherwise make a long file).</summary>
    public const int MaxEvents = 500;

    public const string CalendarName = "CoupleConnect rituals";

    public const string ProductId = "-//CoupleConnect//Rituals calendar//EN";

    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>From the start of today to the start of the day <see cref="Days"/> days later, in the couple's zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) WindowFor(TimeZoneId zone, DateTimeOffset now)
    {
        var today = zone.LocalDate(now);
        var midnight = LocalTimeOfDay.From(TimeOnly.MinValue);
        return (ReminderClock.DueOn(zone, midnight, today), ReminderClock.DueOn(zone, midnight, today.AddDays(Days)));
    }

    /// <summary>The occurrences the feed lists: every ritual's, in the window, in time order, at most <see cref="MaxEvents"/>.</summary>
    public static IReadOnlyList<(CalendarRitual Ritual, RitualOccurrence Occurrence)> OccurrencesOf(IEnumerable<CalendarRitual> rituals, TimeZoneId zone, DateTimeOffset now)
    {
        var (from, to) = WindowFor(zone, now);
        return rituals
            .SelectMany(ritual => ritual.Schedule.OccurrencesBetween(zone, from, to).Select(occurrence => (ritual, occurrence)))
            .OrderBy(pair => pair.occurrence.StartsUtc)
            .ThenBy(pair => pair.ritual.Id)
            .Take(MaxEvents)
            .ToList();
    }

    /// <summary>The whole calendar. <paramref name="linkTo"/> gives the absolute address of a ritual's page.</summary>
    public static string Render(TimeZoneId zone, IEnumerable<CalendarRitual> rituals, DateTimeOffset now, Func<Guid, string> linkTo)
    {
        var occurrences = OccurrencesOf(rituals, zone, now);
        var (from, to) = WindowFor(zone, now);
        var coveredUntil = occurrences.Count == 0 ? to : new[] { to, occurrences.Max(pair => pair.Occurrence.EndsUtc) }.Max();

        var ics = new IcsWriter();
        ics.Begin("VCALENDAR");
        ics.Raw("VERSION", "2.0");
        ics.Raw("PRODID", ProductId);
        ics.Raw("CALSCALE", "GREGORIAN");
        ics.Raw("METHOD", "PUBLISH");
        ics.Text("X-WR-CALNAME", CalendarName);
        ics.Raw("X-WR-TIMEZONE", zone.Value);
        ics.Raw("REFRESH-INTERVAL;VALUE=DURATION", "PT6H");
        ics.Raw("X-PUBLISHED-TTL", "PT6H");
        WriteTimeZone(ics, zone, from, coveredUntil);

        var stamp = IcsWriter.Utc(now);
        foreach (var (ritual, occurrence) in occurrences)
        {
            var link = linkTo(ritual.Id);
            ics.Begin("VEVENT");
            ics.Raw("UID", string.Create(CultureInfo.InvariantCulture, $"{ritual.Id:D}-{occurrence.Day:yyyyMMdd}@coupleconnect"));
            ics.Raw("DTSTAMP", stamp);
            ics.Raw("LAST-MODIFIED", IcsWriter.Utc(ritual.UpdatedAt));
            WriteDateTime(ics, "DTSTART", zone, occurrence.StartsUtc);
            WriteDateTime(ics, "DTEND", zone, occurrence.EndsUtc);
            ics.Text("SUMMARY", ritual.Name);
            ics.Text("DESCRIPTION", string.IsNullOrWhiteSpace(ritual.Description) ? link : $"{ritual.Description}\n\n{link}");
            ics.Raw("URL", link);
            ics.Raw("CLASS", "PRIVATE");
            ics.Raw("TRANSP", "OPAQUE");
            ics.End("VEVENT");
        }

        ics.End("VCALENDAR");
        return ics.ToString();
    }

    /// <summary>
    /// A wall-clock time in the zone (<c>DTSTART;TZID=Europe/Berlin:20270328T193000</c>). A wall-clock time that happens
    /// twice (fall back) means its first occurrence (RFC 5545 §3.3.5), so an instant in the second one is written in UTC.
    /// </summary>
    private static void WriteDateTime(IcsWriter ics, string name, TimeZoneId zone, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone.Zone);
        var wallClock = DateTime.SpecifyKind(local.DateTime, DateTimeKind.Unspecified);
        if (zone.Zone.IsAmbiguousTime(wallClock) && local.Offset != zone.Zone.GetAmbiguousTimeOffsets(wallClock).Max())
        {
            ics.Raw(name, IcsWriter.Utc(instant));
            return;
        }

        ics.Raw($"{name};TZID={IcsWriter.ParameterValue(zone.Value)}", IcsWriter.Local(wallClock));
    }

    /// <summary>
    /// The zone's VTIMEZONE: the observance in force when the window starts (with its real onset), then each change of
    /// offset until the window's last event ends, as STANDARD or DAYLIGHT. A zone with no changes in the last year gets a
    /// single STANDARD.
    /// </summary>
    private static void WriteTimeZone(IcsWriter ics, TimeZoneId zone, DateTimeOffset from, DateTimeOffset to)
    {
        var tz = zone.Zone;
        var previous = TimeZoneTransitions.LastBefore(tz, from);
        var changes = TimeZoneTransitions.Between(tz, from, to.AddDays(1));

        ics.Begin("VTIMEZONE");
        ics.Raw("TZID", zone.Value);
        ics.Raw("X-LIC-LOCATION", zone.Value);
        if (previous is null)
        {
            var offset = tz.GetUtcOffset(from);
            WriteObservance(ics, tz.IsDaylightSavingTime(from) ? "DAYLIGHT" : "STANDARD", new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), offset, offset);
        }
        else
        {
            WriteTransition(ics, tz, previous);
        }

        foreach (var change in changes)
        {
            WriteTransition(ics, tz, change);
        }

        ics.End("VTIMEZONE");
    }

    private static void WriteTransition(IcsWriter ics, TimeZoneInfo tz, TimeZoneTransition change) =>
        WriteObservance(
            ics,
            tz.IsDaylightSavingTime(change.AtUtc) ? "DAYLIGHT" : "STANDARD",
            DateTime.SpecifyKind((change.AtUtc + change.OffsetBefore).DateTime, DateTimeKind.Unspecified),
            change.OffsetBefore,
            change.OffsetAfter);

    // DTSTART is the onset as a wall-clock time in the offset before it (RFC 5545 §3.6.5): 02:00 for Europe's spring forward.
    private static void WriteObservance(IcsWriter ics, string kind, DateTime onset, TimeSpan offsetFrom, TimeSpan offsetTo)
    {
        ics.Begin(kind);
        ics.Raw("DTSTART", IcsWriter.Local(onset));
        ics.Raw("TZOFFSETFROM", IcsWriter.Offset(offsetFrom));
        ics.Raw("TZOFFSETTO", IcsWriter.Offset(offsetTo));
        ics.End(kind);
    }
}

/// <summary>A change of a zone's UTC offset at an instant.</summary>
public sealed record TimeZoneTransition(DateTimeOffset AtUtc, TimeSpan OffsetBefore, TimeSpan OffsetAfter);

/// <summary>
/// The instants at which a <see cref="TimeZoneInfo"/>'s offset changes, found by sampling and then bisecting to the
/// minute: simpler and safer than reading .NET's adjustment rules, whose shape differs between Windows and tzdata.
/// </summary>
public static class TimeZoneTransitions
{
    private static readonly TimeSpan Step = TimeSpan.FromHours(1);

    /// <summary>Every change in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public static IReadOnlyList<TimeZoneTransition> Between(TimeZoneInfo tz, DateTimeOffset from, DateTimeOffset to)
    {
        var changes = new List<TimeZoneTransition>();
        var start = Minute(from);
        for (var at = start; at < to; at += Step)
        {
            var next = at + Step < to ? at + Step : to;
            if (tz.GetUtcOffset(at) != tz.GetUtcOffset(next))
            {
                var change = Bisect(tz, at, next);
                if (change.AtUtc >= from)
                {
                    changes.Add(change);
                }
            }
        }

        return changes;
    }

    /// <summary>The last change at or before <paramref name="instant"/> within about a year, or null when there was none.</summary>
    public static TimeZoneTransition? LastBefore(TimeZoneInfo tz, DateTimeOffset instant)
    {
        var day = TimeSpan.FromDays(1);
        var end = Minute(instant);
        for (var at = end; at > end - TimeSpan.FromDays(400); at -= day)
        {
            var earlier = at - day;
            if (tz.GetUtcOffset(earlier) != tz.GetUtcOffset(at))
            {
                return Bisect(tz, earlier, at);
            }
        }

        return null;
    }

    // The offset at `before` differs from the one at `after`: narrow down to the first minute with the new offset.
    private static TimeZoneTransition Bisect(TimeZoneInfo tz, DateTimeOffset before, DateTimeOffset after)
    {
        var offsetBefore = tz.GetUtcOffset(before);
        while (after - before > TimeSpan.FromMinutes(1))
        {
            var middle = Minute(before + (after - before) / 2);
            if (middle <= before)
            {
                middle = before + TimeSpan.FromMinutes(1);
            }

            if (tz.GetUtcOffset(middle) == offsetBefore)
            {
                before = middle;
            }
            else
            {
                after = middle;
            }
        }

        return new TimeZoneTransition(after, offsetBefore, tz.GetUtcOffset(after));
    }

    private static DateTimeOffset Minute(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }
}

/// <summary>
/// Writes iCalendar content lines (RFC 5545 §3.1): CRLF endings, lines folded at 75 octets of UTF-8 without splitting a
/// character, and TEXT values escaped (backslash, semicolon, comma, line breaks).
/// </summary>
public sealed class IcsWriter
{
    public const int MaxLineOctets = 75;

    private readonly StringBuilder _text = new();

    public void Begin(string component) => Line($"BEGIN:{component}");

    public void End(string component) => Line($"END:{component}");

    /// <summary>A property whose value is written as it is (dates, numbers, URIs, fixed words).</summary>
    public void Raw(string nameAndParameters, string value) => Line($"{nameAndParameters}:{value}");

    /// <summary>A TEXT property (SUMMARY, DESCRIPTION): escaped.</summary>
    public void Text(string nameAndParameters, string value) => Line($"{nameAndParameters}:{EscapeText(value)}");

    public override string ToString() => _text.ToString();

    /// <summary>RFC 5545 §3.3.11: \\, \;, \, and \n for any line break; other ASCII control characters (but tab) are dropped.</summary>
    public static string EscapeText(string value)
    {
        var escaped = new StringBuilder(value.Length + 16);
        for (var index = 0; index < value.Length; index++)
        {
            var c = value[index];
            switch (c)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r':
                    escaped.Append(@"\n");
                    if (index + 1 < value.Length && value[index + 1] == '\n')
                    {
                        index++;
                    }

                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                case < ' ' or '\u007F':
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Folds one content line: no physical line longer than 75 octets (CRLF not counted); each continuation starts with
    /// one space, which counts. Splits only between characters (whole UTF-8 sequences, surrogate pairs kept together).
    /// </summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder(line.Length + 8);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.Append("\r\n").ToString();
    }

    /// <summary>A parameter value, quoted when it holds a character that would end it (RFC 5545 §3.2).</summary>
    public static string ParameterValue(string value) =>
        value.IndexOfAny([';', ':', ',']) >= 0 ? $"\"{value.Replace("\"", string.Empty, StringComparison.Ordinal)}\"" : value;

    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Local(DateTime wallClock) =>
        wallClock.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>A UTC offset, "+0100" or "-0330" (seconds only when there are any; never "-0000").</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var size = offset.Duration();
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{size.Hours + size.Days * 24:00}{size.Minutes:00}");
        return size.Seconds == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}{size.Seconds:00}");
    }

    private void Line(string contentLine) => _text.Append(Fold(contentLine));
}
