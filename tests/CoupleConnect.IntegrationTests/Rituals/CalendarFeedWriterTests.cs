using System.Text;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;
using Ical.Net;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// The hand-written iCalendar writer on its own (no app, no database): TEXT escaping, folding at 75 octets without
/// splitting a character, offsets, the zone's real transitions, and calendars a real parser (Ical.Net) reads back.
/// Why it is hand-written rather than Ical.Net's own writer: ADR 0021.
/// </summary>
public sealed class CalendarFeedWriterTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("a;b,c", @"a\;b\,c")]
    [InlineData("one\ntwo", @"one\ntwo")]
    [InlineData("one\r\ntwo\rthree", @"one\ntwo\nthree")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("bell\u0007 and del\u007F dropped", "bell and del dropped")]
    [InlineData(@"\n is not a line break", @"\\n is not a line break")]
    [InlineData("émoji 🌙, ok", @"émoji 🌙\, ok")]
    public void TextIsEscapedAsRfc5545Says(string value, string expected) =>
        Assert.Equal(expected, IcsWriter.EscapeText(value));

    [Theory]
    [InlineData(74)]
    [InlineData(75)]
    [InlineData(76)]
    [InlineData(149)]
    [InlineData(150)]
    [InlineData(1000)]
    public void LongAsciiLinesFoldAt75OctetsAndUnfoldToTheSameLine(int length)
    {
        var line = "DESCRIPTION:" + new string('x', length - "DESCRIPTION:".Length);

        var folded = IcsWriter.Fold(line);

        AssertFoldedCorrectly(line, folded);
        Assert.Equal(length <= 75 ? 1 : 1 + (length - 75 + 73) / 74, PhysicalLines(folded).Count);
    }

    [Theory]
    [InlineData("é")] // 2 octets
    [InlineData("€")] // 3 octets
    [InlineData("🌙")] // 4 octets (a surrogate pair in .NET)
    [InlineData("a🌙é€")]
    [InlineData("👩‍❤️‍👨")] // a cluster of several characters joined by ZWJ
    public void MultiByteCharactersAreNeverSplitAcrossLines(string piece)
    {
        for (var prefix = 0; prefix < 8; prefix++)
        {
            var line = "SUMMARY:" + new string('a', prefix) + string.Concat(Enumerable.Repeat(piece, 60));

            AssertFoldedCorrectly(line, IcsWriter.Fold(line));
        }
    }

    [Theory]
    [InlineData(0, "+0000")]
    [InlineData(60, "+0100")]
    [InlineData(-300, "-0500")]
    [InlineData(-210, "-0330")]
    [InlineData(345, "+0545")]
    [InlineData(630, "+1030")]
    [InlineData(840, "+1400")]
    public void OffsetsAreWrittenAsSignedHoursAndMinutes(int minutes, string expected) =>
        Assert.Equal(expected, IcsWriter.Offset(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void TransitionsAreFoundToTheMinuteIncludingHalfHourShifts()
    {
        var year = (new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var berlin = TimeZoneTransitions.Between(TimeZoneId.Parse("Europe/Berlin").Zone, year.Item1, year.Item2);
        Assert.Equal(
            [
                new TimeZoneTransition(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), TimeSpan.FromHours(2)),
                new TimeZoneTransition(new DateTimeOffset(2027, 10, 31, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2), TimeSpan.FromHours(1)),
            ],
            berlin);

        // Lord Howe Island moves by half an hour, at 02:00 local time.
        var lordHowe = TimeZoneTransitions.Between(TimeZoneId.Parse("Australia/Lord_Howe").Zone, year.Item1, year.Item2);
        Assert.Equal(
            [
                new TimeZoneTransition(new DateTimeOffset(2027, 4, 3, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(11), TimeSpan.FromHours(10.5)),
                new TimeZoneTransition(new DateTimeOffset(2027, 10, 2, 15, 30, 0, TimeSpan.Zero), TimeSpan.FromHours(10.5), TimeSpan.FromHours(11)),
            ],
            lordHowe);

        Assert.Empty(TimeZoneTransitions.Between(TimeZoneId.Parse("Asia/Tokyo").Zone, year.Item1, year.Item2));
        Assert.Null(TimeZoneTransitions.LastBefore(TimeZoneId.Parse("Asia/Tokyo").Zone, year.Item2));
        Assert.Equal(berlin[1], TimeZoneTransitions.LastBefore(TimeZoneId.Parse("Europe/Berlin").Zone, year.Item2));
    }

    [Fact]
    public void AZoneWithDaylightSavingGetsItsRealTransitionsAsStandardAndDaylight()
    {
        var zone = TimeZoneId.Parse("Europe/Berlin");
        var now = new DateTimeOffset(2027, 2, 27, 12, 0, 0, TimeSpan.Zero);

        var text = RitualCalendar.Render(zone, [], now, Link);

        Assert.Contains(
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nX-LIC-LOCATION:Europe/Berlin\r\n" +
            "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n" +
            "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n" +
            "END:VTIMEZONE\r\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AZoneWithoutDaylightSavingGetsASingleStandard()
    {
        var text = RitualCalendar.Render(TimeZoneId.Parse("Asia/Tokyo"), [], new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), Link);

        Assert.Contains(
            "BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nX-LIC-LOCATION:Asia/Tokyo\r\n" +
            "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyCalendarIsStillAValidCalendarWithItsZone()
    {
        var text = RitualCalendar.Render(TimeZoneId.Parse("America/New_York"), [], new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), Link);

        var calendar = Calendar.Load(text);

        Assert.NotNull(calendar);
        Assert.Empty(calendar.Events);
        Assert.Equal("America/New_York", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(("2.0", RitualCalendar.ProductId, "PUBLISH"), (calendar.Version, calendar.ProductId, calendar.Method));
        Assert.Equal(RitualCalendar.CalendarName, calendar.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal("America/New_York", calendar.Properties["X-WR-TIMEZONE"]!.Value);
        AssertWellFormed(text);
    }

    [Fact]
    public void AnEndInTheRepeatedHourOfFallBackIsWrittenInUtcSoItKeepsItsLength()
    {
        // New York falls back on Sunday 7 November 2027 at 02:00 EDT: 01:00-01:59 happens twice. A 00:30 ritual lasting
        // two hours ends at the second 01:30, which "01:30 New York time" would read as the first (RFC 5545 §3.3.5).
        var zone = TimeZoneId.Parse("America/New_York");
        var now = new DateTimeOffset(2027, 11, 6, 12, 0, 0, TimeSpan.Zero);
        var day = new DateOnly(2027, 11, 7);
        Assert.True(RitualSchedule.TryCreate(RitualRepeat.Once, day, LocalTimeOfDay.From(new TimeOnly(0, 30)), TimeSpan.FromHours(2), null, 0, 0, DayOfWeek.Sunday, zone, now, out var schedule, out var problem), problem);
        var ritual = new CalendarRitual(Guid.NewGuid(), "Late film", null, schedule!, now);

        var text = RitualCalendar.Render(zone, [ritual], now, Link);

        Assert.Contains("DTSTART;TZID=America/New_York:20271107T003000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTEND:20271107T063000Z\r\n", text, StringComparison.Ordinal);
        var calendarEvent = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(TimeSpan.FromHours(2), calendarEvent.DtEnd!.AsUtc - calendarEvent.DtStart!.AsUtc);
    }

    [Fact]
    public void AtMost500EventsAreWrittenTheEarliestFirst()
    {
        var zone = TimeZoneId.Parse("Europe/Berlin");
        var now = new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var rituals = Enumerable.Range(0, 7).Select(hour => new CalendarRitual(
            Guid.NewGuid(), $"Ritual {hour}", null, Daily(zone, now, new TimeOnly(8 + hour, 0)), now)).ToList();

        var calendar = Calendar.Load(RitualCalendar.Render(zone, rituals, now, Link))!;

        Assert.Equal(RitualCalendar.MaxEvents, calendar.Events.Count);
        var (from, to) = RitualCalendar.WindowFor(zone, now);
        var all = rituals.SelectMany(ritual => ritual.Schedule.OccurrencesBetween(zone, from, to)).Select(occurrence => occurrence.StartsUtc).Order().ToList();
        Assert.Equal(7 * RitualCalendar.Days, all.Count);
        Assert.Equal(all.Take(RitualCalendar.MaxEvents).Select(instant => instant.UtcDateTime), calendar.Events.Select(calendarEvent => calendarEvent.DtStart!.AsUtc).Order());
    }

    [Fact]
    public void AnEmojiAnywhereInANameOrDescriptionComesBackWholeOverUtf8()
    {
        // ADR 0021: a fold between the two UTF-16 halves of 🌙 (as Ical.Net 5.2.4's writer may make) turns it into two
        // replacement characters once the feed is sent as UTF-8. One ritual per position puts a fold at every offset.
        var zone = TimeZoneId.Parse("Europe/Berlin");
        var now = new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var rituals = Enumerable.Range(0, RitualName.MaxLength - 1).Select(at => new CalendarRitual(
            Guid.NewGuid(),
            new string('a', at) + "🌙" + new string('b', RitualName.MaxLength - at - 2),
            new string('c', at) + "🌙" + new string('d', RitualText.DescriptionMaxLength - at - 2),
            Once(zone, now, zone.LocalDate(now).AddDays(1)),
            now)).ToList();

        var sent = Encoding.UTF8.GetBytes(RitualCalendar.Render(zone, rituals, now, Link));

        var text = StrictUtf8.GetString(sent);
        AssertWellFormed(text);
        var events = Calendar.Load(text)!.Events.ToDictionary(calendarEvent => calendarEvent.Uid!);
        Assert.Equal(rituals.Count, events.Count);
        foreach (var ritual in rituals)
        {
            var calendarEvent = events[$"{ritual.Id:D}-{zone.LocalDate(now).AddDays(1):yyyyMMdd}@coupleconnect"];
            Assert.Equal(ritual.Name, calendarEvent.Summary);
            Assert.Equal($"{ritual.Description}\n\n{Link(ritual.Id)}", calendarEvent.Description);
        }
    }

    [Fact]
    public void ASpringChangeNoYearlyRuleFitsGetsItsRealDayYearsAhead()
    {
        // Israel moves its clocks on the Friday before the last Sunday of March: 23 March 2029, not the last Friday (the
        // 30th), which is what a yearly RRULE guessed from recent years says (ADR 0021). Years ahead of the real clock:
        // the writer reads only the "now" it is given.
        var text = RitualCalendar.Render(TimeZoneId.Parse("Asia/Jerusalem"), [], new DateTimeOffset(2029, 3, 1, 12, 0, 0, TimeSpan.Zero), Link);

        Assert.Contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20290323T020000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nEND:DAYLIGHT\r\n",
            text,
            StringComparison.Ordinal);
        var daylight = Assert.Single(Assert.Single(Calendar.Load(text)!.TimeZones).TimeZoneInfos, info => info.Name == "DAYLIGHT");
        Assert.Equal(new DateTime(2029, 3, 23, 2, 0, 0), daylight.DtStart!.Value);
    }

    /// <summary>Each physical line: at most 75 octets of valid UTF-8 on its own, CRLF-terminated; unfolded, the original line.</summary>
    internal static void AssertFoldedCorrectly(string line, string folded)
    {
        Assert.EndsWith("\r\n", folded, StringComparison.Ordinal);
        var physical = PhysicalLines(folded);
        for (var index = 0; index < physical.Count; index++)
        {
            Assert.True(physical[index].Length <= IcsWriter.MaxLineOctets, $"Line {index} has {physical[index].Length} octets.");
            Assert.True(index == 0 || physical[index][0] == (byte)' ', $"Continuation line {index} does not start with a space.");
            _ = StrictUtf8.GetString(physical[index]); // throws when a character was split
        }

        Assert.Equal(line, folded[..^2].Replace("\r\n ", string.Empty, StringComparison.Ordinal));
    }

    /// <summary>The whole text: CRLF line endings only, no physical line over 75 octets or with a split character.</summary>
    internal static void AssertWellFormed(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var physical in PhysicalLines(text))
        {
            Assert.True(physical.Length <= IcsWriter.MaxLineOctets, $"A line has {physical.Length} octets: {Encoding.UTF8.GetString(physical)}");
            _ = StrictUtf8.GetString(physical);
        }
    }

    private static List<byte[]> PhysicalLines(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new List<byte[]>();
        var start = 0;
        for (var index = 0; index + 1 < bytes.Length; index++)
        {
            if (bytes[index] == '\r' && bytes[index + 1] == '\n')
            {
                lines.Add(bytes[start..index]);
                start = index + 2;
                index++;
            }
        }

        return lines;
    }

    private static RitualSchedule Daily(TimeZoneId zone, DateTimeOffset now, TimeOnly at)
    {
        Assert.True(RitualSchedule.TryCreate(RitualRepeat.Daily, zone.LocalDate(now), LocalTimeOfDay.From(at), TimeSpan.FromMinutes(30), null, 0, 0, DayOfWeek.Sunday, zone, now, out var schedule, out var problem), problem);
        return schedule!;
    }

    private static RitualSchedule Once(TimeZoneId zone, DateTimeOffset now, DateOnly day)
    {
        Assert.True(RitualSchedule.TryCreate(RitualRepeat.Once, day, LocalTimeOfDay.From(new TimeOnly(18, 0)), TimeSpan.FromHours(1), null, 0, 0, DayOfWeek.Sunday, zone, now, out var schedule, out var problem), problem);
        return schedule!;
    }

    private static string Link(Guid id) => $"https://couples.example.org/rituals/{id}";
}
