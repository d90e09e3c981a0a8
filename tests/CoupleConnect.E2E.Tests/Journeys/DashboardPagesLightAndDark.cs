using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// The shared dashboard with twelve weeks of history, the log-positive card opened up, the gratitude page and the
/// reminders page's weekly summary switches, on a phone in the light and in the dark, for people to look at.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class DashboardPagesLightAndDark(AppFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheDashboardWithHistoryTheGratitudePageAndTheWeeklySummarySwitchesOnAPhone(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var samPerson = new Person("Sam", "America/New_York");
        var (alex, sam) = await app.PairedPhonesAsync(alexPerson, samPerson, scheme);
        await using var alexContext = alex.Context;
        try
        {
            await app.SeedPositiveHistoryAsync(await app.UserIdOfAsync(alexPerson.Email), await app.UserIdOfAsync(samPerson.Email));

            // Today Sam noticed something, with a note; Alex hasn't said anything about it yet.
            await using (sam.Context)
            {
                await new PositivesPage(sam).OpenAsync();
                await new LogPositiveSection(sam).LogAsync("Quality time", "Turning the phones off for the whole evening walk.");
            }

            var home = new HomePage(alex);
            var board = new DashboardSection(alex);
            await home.OpenAsync();
            await alex.ExpectThemeAsync(scheme);
            await Expect(new PositiveFeedSection(alex).Items).ToHaveCountAsync(8);
            await Expect(new PositiveFeedSection(alex).Items.First).ToContainTextAsync("Turning the phones off");
            await Expect(board.StreakDays).ToContainTextAsync("10");
            await Expect(board.Chart.Locator("svg")).ToBeVisibleAsync();
            await Shot(alex, $"dashboard-01-home-with-history-{theme}");
            await ScreenAt(alex, board.Week, $"dashboard-02-week-chart-{theme}");
            await ScreenAt(alex, board.Streak, $"dashboard-03-streak-{theme}");

            // The Small positives page, one tap from the bottom bar; its log card opened up: a kind chosen, a note begun, the day field.
            await alex.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Noticed" }).TapAsync();
            await Expect(new PositivesPage(alex).Heading).ToBeVisibleAsync();
            await Expect(new PositiveFeedSection(alex).Items.First).ToContainTextAsync("Turning the phones off");
            await Shot(alex, $"positives-01-page-{theme}");

            // Filtered to what Sam wrote: the heading says so, and every entry is Sam's.
            await alex.Locator("#positive-filters [data-who='partner']").TapAsync();
            await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "What Sam noticed about you" })).ToBeVisibleAsync();
            var fromSam = new PositiveFeedSection(alex).Items;
            await Expect(fromSam.First).ToContainTextAsync("Turning the phones off");
            // The heading follows the tap at once and the list a moment later (it is read again): wait for the list.
            await Expect(fromSam.Filter(new() { HasText = "You noticed about Sam" })).ToHaveCountAsync(0);
            Assert.All(await fromSam.AllInnerTextsAsync(), entry => Assert.Contains("Sam noticed about you", entry, StringComparison.Ordinal));
            await Shot(alex, $"positives-02-from-sam-{theme}");
            await new PositivesPage(alex).OpenAsync();
            var log = new LogPositiveSection(alex);
            await log.Kind("Supportive gesture").TapAsync();
            await Expect(log.ChosenKind).ToHaveTextAsync("Supportive gesture");
            await log.AddDetails.TapAsync();
            await log.Note.FillAsync("Came to the dentist with me and waited the whole hour.");
            await Expect(log.Day).ToBeVisibleAsync();
            await ScreenAt(alex, log.Card, $"dashboard-04-log-positive-details-{theme}");

            var gratitude = new GratitudePage(alex);
            await gratitude.OpenAsync();
            await alex.ExpectThemeAsync(scheme);
            await Expect(new PositiveFeedSection(alex).Items).ToHaveCountAsync(8);
            await Shot(alex, $"gratitude-01-page-{theme}");

            await new GratitudeCardSection(alex).ShareAsync("That you noticed I was tired and took over dinner.");
            await alex.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(bar => bar.getAnimations().length === 0)");
            await Shot(alex, $"gratitude-02-shared-{theme}");

            var reminders = new RemindersPage(alex);
            await reminders.OpenAsync();
            await alex.ExpectThemeAsync(scheme);
            await Expect(reminders.WeeklySummary).Not.ToBeCheckedAsync();
            await Expect(reminders.ShareHighlight).ToBeDisabledAsync();
            await alex.Mouse.MoveAsync(0, 0); // the last tap's spot (now "Save") keeps a hover look otherwise
            await Shot(alex, $"reminders-weekly-summary-off-{theme}");

            await reminders.WeeklySummary.TapAsync();
            await Expect(reminders.ShareHighlight).ToBeEnabledAsync();
            await reminders.ShareHighlight.TapAsync();
            await Expect(reminders.ShareHighlight).ToBeCheckedAsync();
            await alex.WaitForFunctionAsync(SwitchesAtRest);
            await Shot(alex, $"reminders-weekly-summary-on-{theme}");
        }
        catch
        {
            await Shot(alex, $"failure-dashboard-pages-{theme}");
            throw;
        }
    }

    /// <summary>The switches have slid all the way and their ripples have faded.</summary>
    private const string SwitchesAtRest = "() => [...document.querySelectorAll('.mud-switch, .mud-switch *')].every(element => element.getAnimations().length === 0)";

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));

    private async Task ScreenAt(IPage page, ILocator element, string name) =>
        output.WriteLine("Screenshot: " + await Screenshots.SaveScreenAtAsync(page, element, name));
}
