using System.Globalization;
using CoupleConnect.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace CoupleConnect.Domain.Tests.Common;

public class TimeZoneIdParsing
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Etc/UTC")]
    public void AcceptsIanaIds(string id)
    {
        Assert.True(TimeZoneId.TryParse(id, out var zone));
        Assert.NotNull(zone);
        Assert.Equal(id, zone.Value);
        Assert.Equal(id, zone.ToString());
        Assert.True(zone.Zone.HasIanaId);
    }

    [Fact]
    public void TrimsSurroundingWhitespace()
    {
        Assert.True(TimeZoneId.TryParse("  Europe/Berlin \t", out var zone));
        Assert.Equal("Europe/Berlin", zone!.Value);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Eastern Standard Time")]
    [InlineData("GMT Standard Time")]
    public void RefusesWindowsIds(string windowsId)
    {
        Assert.False(TimeZoneId.TryParse(windowsId, out var zone));
        Assert.Null(zone);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Atlantis")]
    [InlineData("europe/berlin ; DROP TABLE users")]
    [InlineData("<script>alert(1)</script>")]
    public void RefusesUnknownZones(string unknown)
    {
        Assert.False(TimeZoneId.TryParse(unknown, out var zone));
        Assert.Null(zone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesEmpty(string? empty)
    {
        Assert.False(TimeZoneId.TryParse(empty, out var zone));
        Assert.Null(zone);
    }

    [Fact]
    public void RefusesIdsLongerThanTheMaximum()
    {
        var tooLong = "Europe/" + new string('B', TimeZoneId.MaxLength - "Europe/".Length + 1);
        Assert.Equal(TimeZoneId.MaxLength + 1, tooLong.Length);

        Assert.False(TimeZoneId.TryParse(tooLong, out var zone));
        Assert.Null(zone);
    }

    [Fact]
    public void ParseThrowsAClearErrorForAnUnknownZone()
    {
        var error = Assert.Throws<ArgumentException>(() => TimeZoneId.Parse("Mars/Olympus_Mons"));
        Assert.Contains("'Mars/Olympus_Mons' is not a known IANA time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseReturnsTheZone()
    {
        var zone = TimeZoneId.Parse("America/New_York");
        Assert.Equal("America/New_York", zone.Value);
    }

    [Fact]
    public void UtcIsTheIanaUtcZone()
    {
        Assert.Equal("Etc/UTC", TimeZoneId.Utc.Value);
        Assert.Equal(TimeSpan.Zero, TimeZoneId.Utc.Zone.BaseUtcOffset);
    }
}

/// <summary>"Today" is someone's local date: the date must follow the zone's offset on both sides of a DST change.</summary>
public class TimeZoneIdLocalDate
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");

    // Europe/Berlin springs forward on 2026-03-29 at 01:00 UTC (02:00 CET -> 03:00 CEST).
    [Theory]
    [InlineData("2026-03-28T22:59:59Z", "2026-03-28")] // 23:59:59 CET (UTC+1)
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")] // 00:00 CET
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")] // 01:59:59 CET, just before the change
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")] // 03:00 CEST, just after
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")] // 23:59:59 CEST (UTC+2)
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")] // 00:00 CEST: with the winter offset this would still be the 29th
    public void FollowsBerlinAcrossSpringForward(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), Berlin.LocalDate(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));
    }

    // America/New_York falls back on 2026-11-01 at 06:00 UTC (02:00 EDT -> 01:00 EST).
    [Theory]
    [InlineData("2026-11-01T03:59:59Z", "2026-10-31")] // 23:59:59 EDT (UTC-4)
    [InlineData("2026-11-01T04:00:00Z", "2026-11-01")] // 00:00 EDT
    [InlineData("2026-11-01T05:30:00Z", "2026-11-01")] // 01:30 EDT, the first 01:30
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01")] // 01:30 EST, the second 01:30
    [InlineData("2026-11-02T04:30:00Z", "2026-11-01")] // 23:30 EST (UTC-5): with the summer offset this would be the 2nd
    [InlineData("2026-11-02T05:00:00Z", "2026-11-02")] // 00:00 EST
    public void FollowsNewYorkAcrossFallBack(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), NewYork.LocalDate(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void GivesTheSameDateForTheSameInstantWrittenWithAnyOffset()
    {
        var utc = new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero);
        var tokyo = utc.ToOffset(TimeSpan.FromHours(9));
        var losAngeles = utc.ToOffset(TimeSpan.FromHours(-7));

        Assert.Equal(new DateOnly(2026, 3, 30), Berlin.LocalDate(utc));
        Assert.Equal(Berlin.LocalDate(utc), Berlin.LocalDate(tokyo));
        Assert.Equal(Berlin.LocalDate(utc), Berlin.LocalDate(losAngeles));
    }

    [Fact]
    public void TheSpringForwardDayInBerlinLasts23Hours()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(23, HoursOfLocalDay(Berlin, clock, new DateOnly(2026, 3, 29)));
    }

    [Fact]
    public void TheFallBackDayInNewYorkLasts25Hours()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(25, HoursOfLocalDay(NewYork, clock, new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void AnOrdinaryDayLasts24Hours()
    {
        var start = new DateTimeOffset(2026, 6, 14, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(24, HoursOfLocalDay(Berlin, new FakeTimeProvider(start), new DateOnly(2026, 6, 15)));
        Assert.Equal(24, HoursOfLocalDay(NewYork, new FakeTimeProvider(start), new DateOnly(2026, 6, 15)));
    }

    /// <summary>Walks the clock forward hour by hour over three days and counts the hours whose local date is <paramref name="day"/>.</summary>
    private static int HoursOfLocalDay(TimeZoneId zone, FakeTimeProvider clock, DateOnly day)
    {
        var hours = 0;
        for (var step = 0; step < 72; step++)
        {
            if (zone.LocalDate(clock.GetUtcNow()) == day)
            {
                hours++;
            }

            clock.Advance(TimeSpan.FromHours(1));
        }

        return hours;
    }
}
