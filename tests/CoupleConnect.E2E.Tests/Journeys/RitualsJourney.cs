using System.Diagnostics;
using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 7 on two phones: Alex (Berlin, so the couple's home zone is Berlin) starts the "Date night, no screens"
/// suggestion and sets it weekly on today's weekday at a time already passed; Sam (New York), whose home page was open
/// the whole time and never reloaded, sees it in the rituals card asking "Did you do it?", taps Done, and the card shows
/// the progress and the streak; Alex's ritual page shows it done, marked by Sam, and then Sam's note.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class RitualsJourney(AppFixture app, ITestOutputHelper output)
{
    private const string DateNight = "Date night, no screens";
    private const string SamsNote = "Candles, the old records, no phones <b>at all</b>. Again next week?";

    /// <summary>The issue's "within a few seconds", with room for a busy shared test machine.</summary>
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(10);

    /// <summary>Set on a page once it is open: a reload or a navigation to another document would lose it.</summary>
    private const string NoReloadMarker = "() => { window.__ccRitualsOpen = true; }";

    private const string StillTheSamePage = "() => window.__ccRitualsOpen === true";

    [Fact]
    public async Task AlexPlansAWeeklyDateNightSamMarksItDoneFromTheDashboardAndBothSeeTheStreakAndTheNote()
    {
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var samPerson = new Person("Sam", "America/New_York");
        var (alex, sam) = await app.PairedPhonesAsync(alexPerson, samPerson);
        try
        {
            var alexId = await app.UserIdOfAsync(alexPerson.Email);
            var samId = await app.UserIdOfAsync(samPerson.Email);

            // The couple's home zone is the inviter's: ritual times are Berlin times, Sam sees New York times beside them.
            var homeZone = await app.QueryScalarAsync<string>(
                "SELECT c.home_time_zone_id FROM couples c JOIN couple_members m ON m.couple_id = c.id WHERE m.user_id = @alex AND m.left_at IS NULL",
                ("alex", alexId));
            Assert.Equal(alexPerson.TimeZone, homeZone);

            // Sam's home page is open before Alex saves anything; from here on it is never reloaded.
            await new HomePage(sam).OpenAsync();
            var samRituals = new UpcomingRitualsSection(sam);
            await Expect(samRituals.Empty).ToBeVisibleAsync();
            await sam.EvaluateAsync(NoReloadMarker);
            await Shot(sam, "rituals-journey-01-sam-home-no-rituals-yet");

            // Alex: the rituals page, then the date night suggestion.
            var rituals = new RitualsPage(alex);
            await rituals.OpenAsync();
            await Expect(rituals.Empty).ToBeVisibleAsync();
            await Shot(alex, "rituals-journey-02-alex-rituals-page-suggestions");
            await rituals.Start(DateNight).TapAsync();

            var editor = new RitualEditorPage(alex);
            await Expect(alex).ToHaveURLAsync(new Regex(@"/rituals/new\?template=date-night$"));
            await Expect(editor.Name).ToHaveValueAsync(DateNight);
            await Expect(editor.HowOften).ToHaveTextAsync("Every week");
            await Expect(editor.ChosenDays).ToHaveCountAsync(1);
            await Expect(editor.Day(DayOfWeek.Friday)).ToHaveAttributeAsync("aria-pressed", "true"); // the suggestion's Friday
            await Expect(editor.StartTime).ToHaveValueAsync("19:30");

            // Weekly on the form's first day (today in the home zone), at a time already passed there today.
            await Expect(editor.StartDate).ToHaveValueAsync(new Regex(@"^\d{1,2} [A-Z][a-z]+ \d{4}$"));
            var (day, time) = WeeklyDayAndTimeAlreadyStarted(await editor.StartDateAsync(), homeZone!);
            output.WriteLine($"Date night: every {day} at {time} ({homeZone}); now there: {TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(homeZone!)):yyyy-MM-dd HH:mm}.");
            if (day != DayOfWeek.Friday)
            {
                await editor.Day(day).TapAsync();
                await Expect(editor.Day(day)).ToHaveAttributeAsync("aria-pressed", "true");
                await editor.Day(DayOfWeek.Friday).TapAsync();
                await Expect(editor.Day(DayOfWeek.Friday)).ToHaveAttributeAsync("aria-pressed", "false");
            }

            await Expect(editor.ChosenDays).ToHaveCountAsync(1);
            await editor.StartTime.FillAsync(time);
            await Expect(editor.StartTime).ToHaveValueAsync(time);
            await Shot(alex, "rituals-journey-03-alex-date-night-form");

            var tapped = Stopwatch.StartNew();
            await editor.Save.TapAsync();

            // Alex lands on the ritual's page: today's time has started and waits to be marked.
            await Expect(alex).ToHaveURLAsync(new Regex(@"/rituals/[0-9a-f-]{36}$"));
            var ritualId = Guid.Parse(new Uri(alex.Url).Segments[^1]);
            var alexRitual = new RitualDetailPage(alex);
            await Expect(alexRitual.Heading).ToHaveTextAsync(DateNight);
            await Expect(alexRitual.Schedule).ToContainTextAsync($"Every {day} at 12{time[2..]} AM"); // the phone's en-US clock (docs/adr/0029)
            await Expect(alex.GetByText($"{DateNight} is saved. See you there!")).ToBeVisibleAsync();
            await Expect(alexRitual.PastTimes).ToHaveCountAsync(1);
            var alexToday = alexRitual.PastTimes.First;
            await Expect(RitualDetailPage.StatusText(alexToday)).ToHaveTextAsync("Not marked yet");
            await Expect(alexRitual.ProgressText).ToHaveTextAsync("It counts from your first time together.");
            await alex.EvaluateAsync(NoReloadMarker);
            await Shot(alex, "rituals-journey-04-alex-ritual-page-saved");

            // Sam's open home page: the date night arrived, and the card asks whether it happened.
            var awaiting = samRituals.AwaitingFor(DateNight);
            await Expect(awaiting).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            output.WriteLine($"Alex's new ritual reached Sam's home page {tapped.ElapsedMilliseconds} ms after Alex tapped \"Save ritual\".");
            await Expect(samRituals.Awaiting.GetByRole(AriaRole.Heading, new() { Name = "Did you do it?" })).ToBeVisibleAsync();
            await Expect(awaiting.Locator("[data-mark-detail]")).ToContainTextAsync("your time)"); // Berlin's time, then New York's
            await Expect(samRituals.Empty).ToHaveCountAsync(0);
            await Expect(samRituals.ProgressText(DateNight)).ToHaveTextAsync("It counts from your first time together.");
            await Expect(samRituals.Streak(DateNight)).ToHaveCountAsync(0);
            await Expect(samRituals.NextSevenDays).ToContainTextAsync(DateNight); // next week's, within seven days of now
            await Shot(sam, "rituals-journey-05-sam-home-did-you-do-it");
            await ScreenAt(sam, samRituals.Card, "rituals-journey-05b-sam-home-did-you-do-it-card");

            // Sam taps Done.
            tapped.Restart();
            await samRituals.Done(DateNight).TapAsync();
            await Expect(sam.GetByText("Marked done. Nicely kept.")).ToBeVisibleAsync();
            await Expect(samRituals.Awaiting).ToHaveCountAsync(0);
            await Expect(samRituals.ProgressText(DateNight)).ToHaveTextAsync("Done 1 of 1 so far");
            await Expect(samRituals.Streak(DateNight)).ToHaveTextAsync("1 in a row");
            await Shot(sam, "rituals-journey-06-sam-home-done-streak");
            await ScreenAt(sam, samRituals.Card, "rituals-journey-06b-sam-home-done-streak-card");

            // Alex's open ritual page: done, marked by Sam, and the streak.
            await Expect(RitualDetailPage.StatusText(alexToday)).ToHaveTextAsync("Done ✓ · marked by Sam", new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            output.WriteLine($"Sam's mark reached Alex's ritual page {tapped.ElapsedMilliseconds} ms after Sam tapped Done.");
            await Expect(alexToday).ToHaveAttributeAsync("data-status", "Done");
            await Expect(RitualDetailPage.Done(alexToday)).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(alexRitual.ProgressText).ToHaveTextAsync("Done 1 of 1 so far");
            await Expect(alexRitual.Streak).ToHaveTextAsync("1 in a row");
            await Expect(alex.Locator("#ritual-percent")).ToHaveTextAsync("100%");
            await Shot(alex, "rituals-journey-07-alex-ritual-page-done-by-sam");

            // Neither page was reloaded for any of it.
            Assert.True(await sam.EvaluateAsync<bool>(StillTheSamePage), "Sam's home page was reloaded or navigated away.");
            Assert.True(await alex.EvaluateAsync<bool>(StillTheSamePage), "Alex's ritual page was reloaded or navigated away.");

            // Sam opens the ritual from the card and leaves a note on today's time (markup shows as text).
            await samRituals.Link(DateNight).TapAsync();
            var samRitual = new RitualDetailPage(sam);
            await Expect(samRitual.Heading).ToHaveTextAsync(DateNight);
            var samToday = samRitual.PastTimes.First;
            await Expect(RitualDetailPage.StatusText(samToday)).ToHaveTextAsync("Done ✓ · marked by you");
            await RitualDetailPage.WriteNote(samToday).TapAsync();
            await RitualDetailPage.NoteField(samToday).FillAsync(SamsNote);
            tapped.Restart();
            await RitualDetailPage.SaveNote(samToday).TapAsync();
            await Expect(sam.GetByText("Note saved.")).ToBeVisibleAsync();
            await Expect(RitualDetailPage.NoteText(RitualDetailPage.Note(samToday, "Your note"))).ToHaveTextAsync(SamsNote);
            await Expect(RitualDetailPage.WriteNote(samToday)).ToHaveTextAsync("Edit your note");
            await Shot(sam, "rituals-journey-08-sam-ritual-page-note");

            // Alex's page, still open: "Sam's note".
            var samsNote = RitualDetailPage.Note(alexToday, "Sam's note");
            await Expect(RitualDetailPage.NoteText(samsNote)).ToHaveTextAsync(SamsNote, new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            output.WriteLine($"Sam's note reached Alex's ritual page {tapped.ElapsedMilliseconds} ms after Sam tapped \"Save note\".");
            await Expect(alexRitual.Past.Locator("b")).ToHaveCountAsync(0);
            await Expect(RitualDetailPage.WriteNote(alexToday)).ToHaveTextAsync("Add a note"); // Alex's own is still to write
            Assert.True(await alex.EvaluateAsync<bool>(StillTheSamePage), "Alex's ritual page was reloaded or navigated away.");
            await Shot(alex, "rituals-journey-09-alex-ritual-page-sams-note");

            // The database agrees: one ritual, one outcome (done, by Sam), one note by Sam, not stored as plain text.
            Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM rituals WHERE created_by_id = @alex", ("alex", alexId)));
            Assert.Equal(1L, await app.QueryScalarAsync<long>(
                "SELECT count(*) FROM ritual_outcomes WHERE ritual_id = @ritual AND status = 'Done' AND marked_by_id = @sam", ("ritual", ritualId), ("sam", samId)));
            Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ritual_notes WHERE ritual_id = @ritual AND author_id = @sam", ("ritual", ritualId), ("sam", samId)));
            Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ritual_notes WHERE text LIKE '%records%'"));
        }
        catch
        {
            // As they are (no waiting for the page to settle: it may never).
            output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(alex, "failure-rituals-journey-alex"));
            output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(sam, "failure-rituals-journey-sam"));
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The weekday of the form's first day, and a start time that has passed by then in the home zone: 00:05, or 00:00
    /// in the first minutes after midnight (an occurrence starting this very minute has started). If midnight passed
    /// since the form was opened, the first day is yesterday and any time has passed.
    /// </summary>
    private static (DayOfWeek Day, string Time) WeeklyDayAndTimeAlreadyStarted(DateOnly firstDay, string homeZone)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(homeZone));
        var today = DateOnly.FromDateTime(now.DateTime);
        Assert.True(firstDay == today || firstDay == today.AddDays(-1), $"The form starts on {firstDay:yyyy-MM-dd}; today in {homeZone} is {today:yyyy-MM-dd}.");
        var passed = firstDay < today || now.TimeOfDay >= TimeSpan.FromMinutes(5);
        return (firstDay.DayOfWeek, passed ? "00:05" : "00:00");
    }

    private async Task Shot(IPage page, string name)
    {
        await SettledAsync(page);
        output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
    }

    private async Task ScreenAt(IPage page, ILocator element, string name)
    {
        await SettledAsync(page);
        output.WriteLine("Screenshot: " + await Screenshots.SaveScreenAtAsync(page, element, name));
    }

    /// <summary>No hover look left by the last tap, and no snackbar or ripple half-way through fading.</summary>
    private static async Task SettledAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(animation => animation.effect?.getComputedTiming().endTime === Infinity || animation.playState !== 'running')");
    }
}
