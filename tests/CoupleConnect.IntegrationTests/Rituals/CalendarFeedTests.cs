using System.Net;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// The app with its clock at Saturday 27 February 2027, 12:00 UTC: the feed's 90 days hold North America's spring
/// forward (14 March) and Europe's (28 March), so events on either side of a change are in the same feed.
/// </summary>
public sealed class LateFebruary2027AppFixture() : FixedClockAppFixture(StartsAt)
{
    public static readonly DateTimeOffset StartsAt = new(2027, 2, 27, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Each person's secret calendar address, fetched over HTTP the way a phone's calendar app does (no cookies) and read
/// back with a real iCalendar parser (Ical.Net): every upcoming occurrence of the couple's rituals at the right local
/// and UTC time through daylight-saving changes, names that survive escaping and folding, addresses that stop working
/// when replaced or turned off or when the couple ends, and nothing for wrong tokens, strangers or a later couple.
/// </summary>
public sealed class CalendarFeedTests(LateFebruary2027AppFixture app, ITestOutputHelper output) : IClassFixture<LateFebruary2027AppFixture>
{
    private readonly AppDriver _app = app.ClockedDriver;

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task TheFeedListsEveryUpcomingOccurrenceAtItsLocalTimeAcrossTheSpringForward()
    {
        var couple = await _app.PairNewAsync(inviterTimeZoneId: "Europe/Berlin");
        var zone = TimeZoneId.Parse("Europe/Berlin");
        var today = zone.LocalDate(Now);
        var dateNight = await AddRitualAsync(couple, "Date night, no screens", "Phones in the drawer.", RitualTemplates.DateNight.ScheduleFrom(today, zone, Now));
        var gratitude = await AddRitualAsync(couple, "Gratitude before sleep", null, RitualTemplates.EveningGratitude.ScheduleFrom(today, zone, Now));
        var monthly = await AddRitualAsync(couple, "Our month", null, RitualTemplates.MonthlyReflection.ScheduleFrom(today, zone, Now));
        // 02:30 doesn't exist in Berlin on 28 March: that day it starts at 03:00, like every reminder does.
        var earlyWalk = await AddRitualAsync(couple, "Night walk", null, Schedule(zone, RitualRepeat.Daily, today.AddDays(20), new TimeOnly(2, 30), TimeSpan.FromMinutes(45)));
        var once = await AddRitualAsync(couple, "Picnic at the lake", null, Schedule(zone, RitualRepeat.Once, today.AddDays(40), new TimeOnly(13, 0), TimeSpan.FromHours(3)));
        var later = await AddRitualAsync(couple, "Beyond the window", null, Schedule(zone, RitualRepeat.Once, today.AddDays(RitualCalendar.Days + 2), new TimeOnly(13, 0), TimeSpan.FromHours(1)));
        var deleted = await AddRitualAsync(couple, "Deleted ritual Quokka", null, RitualTemplates.EveningGratitude.ScheduleFrom(today, zone, Now), delete: true);

        using var response = await FetchAsync(await CreateFeedAsync(couple.Inviter));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(["no-store", "private"], response.Headers.CacheControl?.ToString().Split(", ").Order());
        Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        var text = await response.Content.ReadAsStringAsync();
        CalendarFeedWriterTests.AssertWellFormed(text);
        var calendar = Calendar.Load(text)!;
        Assert.Equal(("2.0", "GREGORIAN", "PUBLISH"), (calendar.Version, calendar.Scale, calendar.Method));
        Assert.Equal(RitualCalendar.CalendarName, calendar.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal(zone.Value, calendar.Properties["X-WR-TIMEZONE"]!.Value);
        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal(zone.Value, timeZone.TzId);

        var window = Window(zone);
        var expected = new[] { dateNight, gratitude, monthly, earlyWalk, once, later }
            .SelectMany(ritual => ritual.Schedule.OccurrencesBetween(zone, window.From, window.To).Select(occurrence => (Ritual: ritual, Occurrence: occurrence)))
            .ToDictionary(pair => $"{pair.Ritual.Id:D}-{pair.Occurrence.Day:yyyyMMdd}@coupleconnect");
        Assert.Equal(expected.Keys.Order(), calendar.Events.Select(calendarEvent => calendarEvent.Uid!).Order());
        Assert.Equal(12, calendar.Events.Count(calendarEvent => calendarEvent.Summary == dateNight.Name)); // Fridays 5 March to 21 May
        Assert.Equal(RitualCalendar.Days, calendar.Events.Count(calendarEvent => calendarEvent.Summary == gratitude.Name));
        Assert.Equal(3, calendar.Events.Count(calendarEvent => calendarEvent.Summary == monthly.Name));
        Assert.Equal(RitualCalendar.Days - 20, calendar.Events.Count(calendarEvent => calendarEvent.Summary == earlyWalk.Name));
        Assert.Single(calendar.Events, calendarEvent => calendarEvent.Summary == once.Name);
        Assert.DoesNotContain(calendar.Events, calendarEvent => calendarEvent.Summary == later.Name || calendarEvent.Summary == deleted.Name);
        Assert.DoesNotContain(deleted.Name, text, StringComparison.Ordinal);

        foreach (var calendarEvent in calendar.Events)
        {
            var (ritual, occurrence) = expected[calendarEvent.Uid!];
            Assert.Equal(ritual.Name, calendarEvent.Summary);
            Assert.Equal(zone.Value, calendarEvent.DtStart!.TzId);
            Assert.Equal(zone.Value, calendarEvent.DtEnd!.TzId);

            // The wall-clock time in the home zone is the schedule's, on the occurrence's day (but 03:00 on the spring-forward night).
            var expectedStart = ritual == earlyWalk && occurrence.Day == new DateOnly(2027, 3, 28) ? new TimeOnly(3, 0) : ritual.StartTime;
            Assert.Equal(occurrence.Day.ToDateTime(expectedStart), calendarEvent.DtStart.Value);

            // The parser's own conversion (the IANA zone named by TZID) and the feed's VTIMEZONE agree on the instant.
            Assert.Equal(occurrence.StartsUtc.UtcDateTime, calendarEvent.DtStart.AsUtc);
            Assert.Equal(occurrence.EndsUtc.UtcDateTime, calendarEvent.DtEnd.AsUtc);
            Assert.Equal(occurrence.StartsUtc, ToUtcByVTimeZone(timeZone, calendarEvent.DtStart.Value));
            Assert.Equal(occurrence.EndsUtc, ToUtcByVTimeZone(timeZone, calendarEvent.DtEnd.Value));
            Assert.Equal(Now.UtcDateTime, calendarEvent.DtStamp!.AsUtc, TimeSpan.FromSeconds(1));
            Assert.Equal(new Uri($"http://localhost/rituals/{ritual.Id:D}"), calendarEvent.Url);
        }

        // The window really does cross the change: events on both sides, an hour apart in UTC for the same local time.
        var dateNightOffsets = calendar.Events.Where(calendarEvent => calendarEvent.Summary == dateNight.Name)
            .Select(calendarEvent => calendarEvent.DtStart!.Value - calendarEvent.DtStart.AsUtc).Distinct().Order();
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(2)], dateNightOffsets);
        output.WriteLine(text[..Math.Min(text.Length, 3000)]);
    }

    [Fact]
    public async Task NewYorkTimesAreRightBeforeAndAfterTheAmericanChange()
    {
        var couple = await _app.PairNewAsync(inviterTimeZoneId: "America/New_York", partnerTimeZoneId: "Europe/Berlin");
        var zone = TimeZoneId.Parse("America/New_York");
        var dateNight = await AddRitualAsync(couple, "Date night", null, RitualTemplates.DateNight.ScheduleFrom(zone.LocalDate(Now), zone, Now));

        var calendar = Calendar.Load(await FetchTextAsync(await CreateFeedAsync(couple.Partner)))!;

        Assert.Equal(zone.Value, calendar.Properties["X-WR-TIMEZONE"]!.Value);
        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Contains(timeZone.TimeZoneInfos, info => info.Name == "DAYLIGHT" && info.DtStart!.Value == new DateTime(2027, 3, 14, 2, 0, 0) && info.OffsetTo!.Offset == TimeSpan.FromHours(-4));
        var events = calendar.Events.OrderBy(calendarEvent => calendarEvent.DtStart!.AsUtc).ToList();
        Assert.Equal(dateNight.Schedule.OccurrencesBetween(zone, Window(zone).From, Window(zone).To).Select(occurrence => occurrence.StartsUtc.UtcDateTime), events.Select(calendarEvent => calendarEvent.DtStart!.AsUtc));
        Assert.All(events, calendarEvent => Assert.Equal(new TimeOnly(19, 30), TimeOnly.FromDateTime(calendarEvent.DtStart!.Value)));
        Assert.All(events, calendarEvent => Assert.Equal(calendarEvent.DtStart!.AsUtc, ToUtcByVTimeZone(timeZone, calendarEvent.DtStart.Value).UtcDateTime));
        Assert.Contains(events, calendarEvent => calendarEvent.DtStart!.AsUtc == new DateTime(2027, 3, 13, 0, 30, 0)); // Friday 12 March, EST
        Assert.Contains(events, calendarEvent => calendarEvent.DtStart!.AsUtc == new DateTime(2027, 3, 19, 23, 30, 0)); // Friday 19 March, EDT
    }

    [Fact]
    public async Task NamesAndDescriptionsSurviveEscapingAndFoldingExactly()
    {
        var couple = await _app.PairNewAsync();
        var zone = TimeZoneId.Parse("Europe/Berlin");
        var name = "Tea; biscuits, and a \\ walk 🌙 — Café «Ünïcödé» 👩‍❤️‍👨 long enough to need folding!!";
        name = name[..Math.Min(name.Length, RitualName.MaxLength)];
        var description = string.Join(
            "\n",
            "Line one; with a semicolon, a comma and a backslash \\ too.",
            "Line two: emoji 🎻🌊🌙 and accents éàü, then CJK 一緒に散歩.",
            "",
            new string('x', 40) + " 🌙🌙🌙 " + new string('y', 60));
        Assert.True(description.Length <= RitualText.DescriptionMaxLength);
        var ritual = await AddRitualAsync(couple, name, description, Schedule(zone, RitualRepeat.Once, zone.LocalDate(Now).AddDays(3), new TimeOnly(18, 0), TimeSpan.FromHours(1)));

        var text = await FetchTextAsync(await CreateFeedAsync(couple.Inviter));

        CalendarFeedWriterTests.AssertWellFormed(text);
        Assert.Contains("\r\n ", text, StringComparison.Ordinal); // the long lines really were folded
        var calendarEvent = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(ritual.Name, calendarEvent.Summary);
        Assert.Equal($"{description}\n\nhttp://localhost/rituals/{ritual.Id:D}", calendarEvent.Description);
    }

    [Fact]
    public async Task BothPartnersFeedsShowTheSameRitualsAtDifferentAddresses()
    {
        var couple = await _app.PairNewAsync();
        var zone = TimeZoneId.Parse("Europe/Berlin");
        await AddRitualAsync(couple, "Sunday pancakes", "Whoever wakes first.", Schedule(zone, RitualRepeat.Weekly, zone.LocalDate(Now), new TimeOnly(9, 0), TimeSpan.FromHours(1), [DayOfWeek.Sunday]));
        await AddRitualAsync(couple, "Gratitude before sleep", null, RitualTemplates.EveningGratitude.ScheduleFrom(zone.LocalDate(Now), zone, Now));

        var inviterFeed = await CreateFeedAsync(couple.Inviter);
        var partnerFeed = await CreateFeedAsync(couple.Partner);

        Assert.NotEqual(inviterFeed.Url, partnerFeed.Url);
        var inviterEvents = Calendar.Load(await FetchTextAsync(inviterFeed))!.Events.Select(Describe).Order().ToList();
        var partnerEvents = Calendar.Load(await FetchTextAsync(partnerFeed))!.Events.Select(Describe).Order().ToList();
        Assert.Equal(13 + RitualCalendar.Days, inviterEvents.Count);
        Assert.Equal(inviterEvents, partnerEvents);
    }

    [Fact]
    public async Task ANewAddressReplacesTheOldOneAndTurningItOffEndsIt()
    {
        var couple = await _app.PairNewAsync();
        await using var scope = _app.AsUser(couple.Inviter);
        var feeds = scope.Get<CalendarFeedService>();
        Assert.Null(await feeds.GetAsync());

        var first = await CreateFeedAsync(couple.Inviter);
        Assert.Equal(first, await feeds.GetAsync());
        Assert.StartsWith("http://localhost/calendar/", first.Url, StringComparison.Ordinal);
        Assert.EndsWith(".ics", first.Url, StringComparison.Ordinal);
        await AssertServedAsync(first);

        var second = await CreateFeedAsync(couple.Inviter);
        Assert.NotEqual(first.Url, second.Url);
        Assert.Equal(second, await feeds.GetAsync());
        await AssertNotFoundAsync(first.Url, "the replaced address");
        await AssertServedAsync(second);
        Assert.Equal(1, await KeyCountAsync(couple.Inviter.Id));

        Assert.True((await feeds.RevokeAsync()).Succeeded);
        Assert.Null(await feeds.GetAsync());
        await AssertNotFoundAsync(second.Url, "the turned-off address");
        await AssertNotFoundAsync(first.Url, "the replaced address, after turning off");
        Assert.Equal(0, await KeyCountAsync(couple.Inviter.Id));
        Assert.False((await feeds.RevokeAsync()).Succeeded);

        var third = await CreateFeedAsync(couple.Inviter);
        Assert.NotEqual(second.Url, third.Url);
        await AssertServedAsync(third);
    }

    [Fact]
    public async Task TwoNewAddressesAtOnceLeaveExactlyOneThatWorks()
    {
        var couple = await _app.PairNewAsync();

        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = _app.AsUser(couple.Inviter);
            return await scope.Get<CalendarFeedService>().CreateAsync();
        }));

        Assert.All(made, result => Assert.True(result.Succeeded, result.Error));
        Assert.Equal(1, await KeyCountAsync(couple.Inviter.Id));
        await using var scope = _app.AsUser(couple.Inviter);
        var current = await scope.Get<CalendarFeedService>().GetAsync();
        Assert.NotNull(current);
        await AssertServedAsync(current);
        foreach (var stale in made.Select(result => result.Value!).Where(view => view.Url != current.Url))
        {
            await AssertNotFoundAsync(stale.Url, "an address replaced in the race");
        }
    }

    public static TheoryData<string> WrongAddresses => new()
    {
        "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
        "/calendar/not-a-token.ics",
        "/calendar/.ics",
        "/calendar/",
        "/calendar/x.ics",
        $"/calendar/{new string('A', 65)}.ics",
        $"/calendar/{new string('A', 5000)}.ics",
        "/calendar/%00.ics",
        "/calendar/..%2F..%2Fappsettings.json.ics",
        "/calendar/%3Cscript%3Ealert(1)%3C%2Fscript%3E.ics",
        "/calendar/t%C3%A9st%F0%9F%8C%99.ics",
        "/calendar/a+b=.ics",
    };

    [Theory]
    [MemberData(nameof(WrongAddresses))]
    public async Task AWrongOrMalformedAddressIsNotFoundAndShowsNothing(string path)
    {
        var couple = await CoupleWithARitualAsync("Secret ritual Wombat");
        await CreateFeedAsync(couple.Inviter);

        await AssertNotFoundAsync(path, path, "Secret ritual Wombat");
    }

    [Fact]
    public async Task NearMissesOfARealTokenAreNotFound()
    {
        var couple = await CoupleWithARitualAsync("Secret ritual Numbat");
        var feed = await CreateFeedAsync(couple.Inviter);
        var token = TokenOf(feed);
        await AssertServedAsync(feed);

        foreach (var nearMiss in new[]
        {
            token[..^1],
            token + "A",
            (token[0] == 'A' ? "B" : "A") + token[1..],
            token.Any(char.IsAsciiLetterLower) ? token.ToUpperInvariant() : token.ToLowerInvariant(),
            token + "=",
        })
        {
            await AssertNotFoundAsync($"/calendar/{nearMiss}.ics", "a near miss", "Secret ritual Numbat");
        }

        // The token without the .ics suffix, or with another one, is not the feed either.
        await AssertNotFoundAsync($"/calendar/{token}", "no suffix", "Secret ritual Numbat");
        await AssertNotFoundAsync($"/calendar/{token}.json", "another suffix", "Secret ritual Numbat");
    }

    [Fact]
    public async Task StrangersFeedsShowOnlyTheirOwnLivesNeverTheVictimCouples()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var zone = TimeZoneId.Parse(victim.Member.TimeZoneId);
        var victimRitual = await AddRitualAsync(victim.Current, $"Lighthouse supper Xq{Guid.NewGuid():N}"[..40], "Only for the two of us, Zephyrine.", RitualTemplates.DateNight.ScheduleFrom(zone.LocalDate(Now), zone, Now));
        var formerRitual = await AddRitualAsync(victim.Former, $"Aurora tea Yv{Guid.NewGuid():N}"[..36], null, RitualTemplates.EveningGratitude.ScheduleFrom(zone.LocalDate(Now), zone, Now));
        victim = victim.With(victimRitual.Name, formerRitual.Name, "Only for the two of us, Zephyrine.", victimRitual.Id.ToString(), formerRitual.Id.ToString());
        var victimFeed = await CreateFeedAsync(victim.Member);
        Assert.Contains(victimRitual.Name, await FetchTextAsync(victimFeed), StringComparison.Ordinal); // the positive control

        var strangerCouple = await CoupleScopedRoutes.CreateOtherCoupleAsync(_app);
        var strangersOwn = await AddRitualAsync(strangerCouple, "Stranger's own board games", null, RitualTemplates.DateNight.ScheduleFrom(zone.LocalDate(Now), TimeZoneId.Parse("Europe/Berlin"), Now));
        var unpaired = await _app.NewPersonAsync("Loner Quill");

        var strangerText = await FetchTextAsync(await CreateFeedAsync(strangerCouple.Inviter));
        CoupleScopedRoutes.AssertNoSecrets(victim, "the feed of a stranger from another couple", strangerText);
        Assert.All(Calendar.Load(strangerText)!.Events, calendarEvent => Assert.Equal(strangersOwn.Name, calendarEvent.Summary));
        Assert.NotEmpty(Calendar.Load(strangerText)!.Events);

        var unpairedText = await FetchTextAsync(await CreateFeedAsync(unpaired));
        CoupleScopedRoutes.AssertNoSecrets(victim, "the feed of an unpaired user", unpairedText);
        Assert.Empty(Calendar.Load(unpairedText)!.Events);

        // A stranger signed in with a cookie gets nothing more: the victim's address is the only key, and they don't have it.
        using var browser = new AppBrowser(app.ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await browser.LogInSuccessfullyAsync(strangerCouple.Inviter.Email, AppFixture.Password);
        using var guessed = await browser.GetAsync($"/calendar/{TokenOf(victimFeed)[..^2]}xx.ics");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        CoupleScopedRoutes.AssertNoSecrets(victim, "a guessed address, signed in as a stranger", await guessed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenTheCoupleEndsBothAddressesStopAtOnceAndALaterCoupleNeedsANewOne()
    {
        var couple = await CoupleWithARitualAsync("Former ritual Kestrel");
        var leaversFeed = await CreateFeedAsync(couple.Inviter);
        var partnersFeed = await CreateFeedAsync(couple.Partner);
        Assert.NotEmpty(Calendar.Load(await FetchTextAsync(leaversFeed))!.Events);

        await _app.LeaveAsync(couple.Inviter);

        await AssertNotFoundAsync(leaversFeed.Url, "the address of the one who left", "Former ritual Kestrel");
        await AssertNotFoundAsync(partnersFeed.Url, "the address of the partner left behind", "Former ritual Kestrel");
        Assert.Equal(0, await KeyCountAsync(couple.Inviter.Id));
        Assert.Equal(0, await KeyCountAsync(couple.Partner.Id));

        // Paired again with someone new: the old address still shows nothing, and the app offers to make a new one,
        // which shows the new couple's rituals only.
        var newPartner = await _app.NewPersonAsync("Noor");
        var newCouple = await _app.PairAsync(couple.Inviter, newPartner);
        var zone = TimeZoneId.Parse(couple.Inviter.TimeZoneId);
        await AddRitualAsync(newCouple, "New ritual Heron", null, RitualTemplates.DateNight.ScheduleFrom(zone.LocalDate(Now), zone, Now));
        await AssertNotFoundAsync(leaversFeed.Url, "the ended couple's address, after pairing again", "New ritual Heron", "Former ritual Kestrel");
        await using (var scope = _app.AsUser(couple.Inviter))
        {
            Assert.Null(await scope.Get<CalendarFeedService>().GetAsync());
        }

        var again = await FetchTextAsync(await CreateFeedAsync(couple.Inviter));
        Assert.Contains("New ritual Heron", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Former ritual Kestrel", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAPartnerDeletesTheirAccountTheOtherPartnersAddressStopsToo()
    {
        var couple = await CoupleWithARitualAsync("Former ritual Avocet");
        var partnersFeed = await CreateFeedAsync(couple.Partner);
        await AssertServedAsync(partnersFeed);

        await using (var scope = _app.AsUser(couple.Inviter))
        {
            await scope.Settings.EndForClosedAccountAsync(couple.Inviter.Id);
        }

        await AssertNotFoundAsync(partnersFeed.Url, "the address of the partner left behind", "Former ritual Avocet");
    }

    [Fact]
    public async Task AnAddressMadeWhileUnpairedNeverShowsTheCoupleItsOwnerLaterJoins()
    {
        var robin = await _app.NewPersonAsync("Robin");
        var unpairedFeed = await CreateFeedAsync(robin);
        Assert.Empty(Calendar.Load(await FetchTextAsync(unpairedFeed))!.Events);

        var couple = await _app.PairAsync(robin, await _app.NewPersonAsync("Kai"));
        var zone = TimeZoneId.Parse(robin.TimeZoneId);
        await AddRitualAsync(couple, "Couple ritual Plover", null, RitualTemplates.EveningGratitude.ScheduleFrom(zone.LocalDate(Now), zone, Now));

        await AssertNotFoundAsync(unpairedFeed.Url, "the address made before pairing", "Couple ritual Plover");
        await using (var scope = _app.AsUser(robin))
        {
            Assert.Null(await scope.Get<CalendarFeedService>().GetAsync());
        }

        Assert.Contains("Couple ritual Plover", await FetchTextAsync(await CreateFeedAsync(robin)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedOutNobodyCanMakeOrTurnOffAnAddress()
    {
        await using var signedOut = _app.SignedOut();
        var feeds = signedOut.Get<CalendarFeedService>();

        Assert.Null(await feeds.GetAsync());
        Assert.False((await feeds.CreateAsync()).Succeeded);
        Assert.False((await feeds.RevokeAsync()).Succeeded);
    }

    private static string Describe(CalendarEvent calendarEvent) =>
        $"{calendarEvent.Uid} {calendarEvent.Summary} {calendarEvent.DtStart} {calendarEvent.DtEnd} {calendarEvent.Description}";

    private static string TokenOf(CalendarFeedView feed)
    {
        var path = new Uri(feed.Url).AbsolutePath;
        return path["/calendar/".Length..^".ics".Length];
    }

    /// <summary>
    /// Local wall-clock time to UTC using only the feed's VTIMEZONE (RFC 5545 §3.6.5): each observance applies from its
    /// onset (DTSTART in the offset before it) to the next one's; a time that happens twice means the first.
    /// </summary>
    private static DateTimeOffset ToUtcByVTimeZone(VTimeZone timeZone, DateTime wallClock)
    {
        var observances = timeZone.TimeZoneInfos
            .Select(info => (OnsetUtc: DateTime.SpecifyKind(info.DtStart!.Value - info.OffsetFrom!.Offset, DateTimeKind.Utc), Offset: info.OffsetTo!.Offset))
            .OrderBy(observance => observance.OnsetUtc)
            .ToList();
        var candidates = observances
            .Select((observance, index) => (Utc: DateTime.SpecifyKind(wallClock - observance.Offset, DateTimeKind.Utc), From: observance.OnsetUtc, Until: index + 1 < observances.Count ? observances[index + 1].OnsetUtc : DateTime.MaxValue))
            .Where(candidate => candidate.Utc >= candidate.From && candidate.Utc < candidate.Until)
            .Select(candidate => candidate.Utc)
            .Order()
            .ToList();
        Assert.True(candidates.Count > 0, $"The feed's VTIMEZONE does not cover {wallClock:s}.");
        return new DateTimeOffset(candidates[0], TimeSpan.Zero);
    }

    private (DateTimeOffset From, DateTimeOffset To) Window(TimeZoneId zone)
    {
        var today = zone.LocalDate(Now);
        var midnight = LocalTimeOfDay.From(TimeOnly.MinValue);
        return (ReminderClock.StartOfLocalDay(zone, Now), ReminderClock.DueOn(zone, midnight, today.AddDays(RitualCalendar.Days)));
    }

    private async Task<PairedCouple> CoupleWithARitualAsync(string name)
    {
        var couple = await _app.PairNewAsync();
        var zone = TimeZoneId.Parse(couple.Inviter.TimeZoneId);
        await AddRitualAsync(couple, name, "Its description is private too.", RitualTemplates.EveningGratitude.ScheduleFrom(zone.LocalDate(Now), zone, Now));
        return couple;
    }

    private async Task<CalendarFeedView> CreateFeedAsync(TestPerson person)
    {
        await using var scope = _app.AsUser(person);
        var created = await scope.Get<CalendarFeedService>().CreateAsync();
        Assert.True(created.Succeeded, created.Error);
        return created.Value!;
    }

    /// <summary>Like a phone's calendar app: no cookies, just the address.</summary>
    private async Task<HttpResponseMessage> FetchAsync(CalendarFeedView feed) => await FetchAsync(new Uri(feed.Url).PathAndQuery);

    private async Task<HttpResponseMessage> FetchAsync(string path)
    {
        using var client = app.ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        return await client.GetAsync(new Uri(path, UriKind.Relative));
    }

    private async Task<string> FetchTextAsync(CalendarFeedView feed)
    {
        using var response = await FetchAsync(feed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task AssertServedAsync(CalendarFeedView feed)
    {
        var text = await FetchTextAsync(feed);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.NotNull(Calendar.Load(text));
    }

    private async Task AssertNotFoundAsync(string urlOrPath, string what, params string[] secrets)
    {
        var path = Uri.TryCreate(urlOrPath, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : urlOrPath;
        using var response = await FetchAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what} answered {(int)response.StatusCode}, expected 404.");
        Assert.NotEqual("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("BEGIN:VCALENDAR", body, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VEVENT", body, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<int> KeyCountAsync(string userId)
    {
        await using var db = await DbAsync();
        return await db.CalendarFeedKeys.CountAsync(key => key.UserId == userId);
    }

    private async Task<Ritual> AddRitualAsync(PairedCouple couple, string name, string? description, RitualSchedule schedule, bool delete = false)
    {
        Assert.True(RitualName.TryParse(name, out var ritualName, out var problem), problem);
        var ritual = Ritual.Create(couple.CoupleId, couple.Inviter.Id, ritualName!, description, schedule, null, Now);
        if (delete)
        {
            ritual.Delete(Now);
        }

        await using var db = await DbAsync();
        db.Rituals.Add(ritual);
        await db.SaveChangesAsync();
        return ritual;
    }

    private RitualSchedule Schedule(TimeZoneId zone, RitualRepeat repeat, DateOnly startDate, TimeOnly at, TimeSpan duration, DayOfWeek[]? weekdays = null)
    {
        Assert.True(
            RitualSchedule.TryCreate(repeat, startDate, LocalTimeOfDay.From(at), duration, weekdays, 0, 0, DayOfWeek.Sunday, zone, Now, out var schedule, out var problem),
            problem);
        return schedule!;
    }

    private Task<AppDbContext> DbAsync() =>
        app.ClockedFactory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
