using System.Diagnostics;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// The shared home on two phones, in zones where it is evening now (so the home page puts tonight's gratitude first,
/// docs/adr/0029): Alex stays on the home page and Sam on the Small positives page the whole time. Sam notices two
/// things Alex did (two taps each; one with a note) and Alex's home shows them within seconds, the week's count going
/// up; Alex says "That meant a lot" and Sam's page shows it; Alex writes tonight's gratitude on the home's first card,
/// Sam's page shows it and Alex's home turns to today's question. Every step live, neither page reloaded; then Sam
/// goes home in one tap and says Alex's gratitude meant a lot, which Alex's home shows.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class SharedDashboardJourney(AppFixture app, ITestOutputHelper output)
{
    private const string SamsNote = "You took the bins out in the rain so I didn't have to <b>thanks</b>";
    private const string AlexsGratitude = "How you made the whole flat smell of cinnamon buns on a grey Tuesday.";

    /// <summary>The "within a few seconds", with room for a busy shared test machine.</summary>
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(10);

    /// <summary>Set on each page once it is open: a reload or a navigation would lose it.</summary>
    private const string NoReloadMarker = "() => { window.__ccDashboardOpen = true; }";

    private const string StillTheSamePage = "() => window.__ccDashboardOpen === true";

    [Fact]
    public async Task SamLogsPositivesAlexSeesThemLiveAndAcknowledgesAndGratitudeGoesBothWays()
    {
        var alexPerson = new Person("Alex", ZoneWhereItIs.Evening());
        var (alex, sam) = await app.PairedPhonesAsync(alexPerson, new Person("Sam", ZoneWhereItIs.Evening(other: 1)));
        try
        {
            // Alex opens the paired home, Sam the Small positives page; from here on neither page is reloaded.
            await new HomePage(alex).OpenAsync();
            await new PositivesPage(sam).OpenAsync();
            var alexHome = new CoupleHomeSection(alex);
            var alexBoard = new DashboardSection(alex);
            var alexFeed = new PositiveFeedSection(alex);
            var samFeed = new PositiveFeedSection(sam);
            await Expect(alexHome.First).ToHaveAttributeAsync("data-now", "Gratitude");
            await Expect(alexFeed.Empty).ToBeVisibleAsync();
            await Expect(samFeed.Empty).ToBeVisibleAsync();
            await alex.EvaluateAsync(NoReloadMarker);
            await sam.EvaluateAsync(NoReloadMarker);

            // Sam, two taps: a kind, then "Log it".
            var samLog = new LogPositiveSection(sam);
            var logItWas = await TopOnThePageAsync(samLog.LogIt);
            await samLog.Kind("Supportive gesture").TapAsync();
            await Expect(samLog.Kind("Supportive gesture")).ToHaveAttributeAsync("aria-pressed", "true");
            Assert.Equal(logItWas, await TopOnThePageAsync(samLog.LogIt)); // choosing a kind doesn't move "Log it" from under the thumb
            var tapped = Stopwatch.StartNew();
            await samLog.LogIt.TapAsync();

            // Alex's open home shows it, and the count of what Sam noticed this week goes up.
            var fromSam = alexFeed.Entry("Sam noticed about you");
            await Expect(fromSam).ToHaveCountAsync(1, new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            output.WriteLine($"Sam's first positive reached Alex's page {tapped.ElapsedMilliseconds} ms after Sam tapped \"Log it\".");
            await Expect(fromSam.First).ToContainTextAsync("Supportive gesture");
            await Expect(alexFeed.Empty).ToHaveCountAsync(0);
            await Expect(alexBoard.PartnersWeekCount).ToHaveTextAsync("1");
            await Expect(PositiveFeedSection.ThatMeantALot(fromSam.First)).ToBeVisibleAsync();
            await Shot(alex, "dashboard-journey-01-alex-live-sams-first-positive");

            // Sam's own page: logged, the chip cleared for the next one.
            await Expect(sam.GetByText("Logged. Alex will see it.")).ToBeVisibleAsync();
            await Expect(samFeed.Items).ToHaveCountAsync(1);
            await Expect(samFeed.Items.First).ToContainTextAsync("You noticed about Alex");
            await Expect(samLog.ChosenKind).ToHaveCountAsync(0);

            // Sam again, with a note (markup in it shows as text): a kind, the details link, the note, "Log it".
            await samLog.Kind("Kind word or tone").TapAsync();
            await samLog.AddDetails.TapAsync();
            await samLog.Note.FillAsync(SamsNote);
            await Expect(samLog.Day).ToBeVisibleAsync(); // left empty: today
            tapped.Restart();
            await samLog.LogIt.TapAsync();
            var withNote = alexFeed.Entry(SamsNote);
            await Expect(withNote).ToHaveCountAsync(1, new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            output.WriteLine($"Sam's second positive reached Alex's page {tapped.ElapsedMilliseconds} ms after Sam tapped \"Log it\".");
            await Expect(samFeed.Items).ToHaveCountAsync(2);
            await Expect(samLog.Note).ToHaveCountAsync(0); // the details fold away again
            await Expect(alexFeed.Items.First).ToContainTextAsync(SamsNote); // newest first
            await Expect(withNote).ToContainTextAsync("Kind word or tone");
            await Expect(alexFeed.Feed.Locator("b")).ToHaveCountAsync(0);
            await Expect(alexBoard.PartnersWeekCount).ToHaveTextAsync("2");
            await Expect(alexBoard.MyWeekCount).ToHaveTextAsync("0");
            await Shot(alex, "dashboard-journey-02-alex-live-sams-note");

            // Alex: "That meant a lot". Sam's open page says so.
            tapped.Restart();
            await PositiveFeedSection.ThatMeantALot(withNote).TapAsync();
            var samsNoteOnSamsPage = samFeed.Entry(SamsNote);
            await Expect(PositiveFeedSection.Acknowledgement(samsNoteOnSamsPage)).ToHaveTextAsync("Alex said it meant a lot", new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            output.WriteLine($"Alex's acknowledgement reached Sam's page {tapped.ElapsedMilliseconds} ms after Alex tapped \"That meant a lot\".");
            await Expect(PositiveFeedSection.Acknowledgement(withNote)).ToHaveTextAsync("You said it meant a lot");
            await Expect(PositiveFeedSection.ThatMeantALot(withNote)).ToHaveCountAsync(0);
            await Expect(PositiveFeedSection.ThatMeantALot(alexFeed.Items.Nth(1))).ToBeVisibleAsync(); // only that one
            await Expect(PositiveFeedSection.Acknowledgement(samFeed.Items.Nth(1))).ToHaveCountAsync(0);
            await Expect(samFeed.Feed.GetByRole(AriaRole.Button, new() { Name = "That meant a lot" })).ToHaveCountAsync(0); // never on your own
            await Shot(sam, "dashboard-journey-03-sam-live-alex-said-it-meant-a-lot");

            // Alex writes tonight's gratitude on the home's first card.
            var alexGratitude = new GratitudeCardSection(alex);
            await alexGratitude.Text.FillAsync(AlexsGratitude);
            tapped.Restart();
            await alexGratitude.Share.TapAsync();

            // Sam's open page shows the entry, newest first.
            var gratitude = samFeed.Entry(AlexsGratitude);
            await Expect(gratitude).ToHaveCountAsync(1, new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            output.WriteLine($"Alex's gratitude reached Sam's page {tapped.ElapsedMilliseconds} ms after Alex tapped \"Share it\".");
            await Expect(gratitude).ToContainTextAsync("Gratitude");
            await Expect(gratitude).ToContainTextAsync("Alex noticed about you");
            await Expect(samFeed.Items.First).ToContainTextAsync(AlexsGratitude);
            await Shot(sam, "dashboard-journey-04-sam-live-alexs-gratitude");

            // Alex's own home: with thanks written, today's question comes first; gratitude is one line below.
            await Expect(alexHome.First).ToHaveAttributeAsync("data-now", "Question");
            await Expect(alexGratitude.Card).ToHaveCountAsync(0);
            await Expect(alexHome.GratitudeStatus).ToHaveTextAsync("You shared one tonight");
            await Expect(alexBoard.MyWeekCount).ToHaveTextAsync("1");

            // Every change above arrived on pages that were never reloaded.
            Assert.True(await alex.EvaluateAsync<bool>(StillTheSamePage), "Alex's page was reloaded or navigated away.");
            Assert.True(await sam.EvaluateAsync<bool>(StillTheSamePage), "Sam's page was reloaded or navigated away.");

            // Sam goes home in one tap: gratitude first for Sam too, Alex's line below it, both showed up today.
            await sam.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Home" }).TapAsync();
            var samHome = new CoupleHomeSection(sam);
            var samBoard = new DashboardSection(sam);
            await Expect(samHome.First).ToHaveAttributeAsync("data-now", "Gratitude");
            await Expect(samBoard.PartnersWeekCount).ToHaveTextAsync("1");
            await Expect(samBoard.MyWeekCount).ToHaveTextAsync("2");
            await Expect(samBoard.StreakLine).ToHaveTextAsync("You both showed up today. Lovely.");
            await Expect(alexBoard.StreakLine).ToHaveTextAsync("You both showed up today. Lovely.");

            // And back: Sam says Alex's gratitude meant a lot; Alex's home shows it.
            var gratitudeOnSamsHome = samFeed.Entry(AlexsGratitude);
            await PositiveFeedSection.ThatMeantALot(gratitudeOnSamsHome).TapAsync();
            await Expect(PositiveFeedSection.Acknowledgement(gratitudeOnSamsHome)).ToHaveTextAsync("You said it meant a lot");
            var alexsGratitudeOnAlexsPage = alexFeed.Entry(AlexsGratitude);
            await Expect(PositiveFeedSection.Acknowledgement(alexsGratitudeOnAlexsPage)).ToHaveTextAsync("Sam said it meant a lot", new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Shot(alex, "dashboard-journey-05-alex-live-sam-said-it-meant-a-lot");
            Assert.True(await alex.EvaluateAsync<bool>(StillTheSamePage), "Alex's page was reloaded or navigated away.");

            // What the database holds agrees: three entries, two acknowledged, the note not stored as plain text.
            var alexId = await app.UserIdOfAsync(alexPerson.Email);
            Assert.Equal(3L, await app.QueryScalarAsync<long>("SELECT count(*) FROM positives WHERE author_id = @alex OR about_id = @alex", ("alex", alexId)));
            Assert.Equal(2L, await app.QueryScalarAsync<long>("SELECT count(*) FROM positives WHERE (author_id = @alex OR about_id = @alex) AND acknowledged_at IS NOT NULL", ("alex", alexId)));
            Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM positives WHERE note LIKE '%bins%' OR note LIKE '%cinnamon%'"));
        }
        catch
        {
            await Shot(alex, "failure-dashboard-alex");
            await Shot(sam, "failure-dashboard-sam");

            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    /// <summary>Where an element's top is on the page (not the screen, which scrolls as Playwright taps).</summary>
    private static Task<double> TopOnThePageAsync(ILocator element) =>
        element.EvaluateAsync<double>("element => element.getBoundingClientRect().top + window.scrollY");

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
