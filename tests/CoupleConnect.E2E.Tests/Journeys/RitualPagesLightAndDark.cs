using System.Text.Json;
using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// The rituals pages on a 390×844 phone, in the light and in the dark, for people to look at, each one audited with axe
/// as it is shot: the list (three rituals weeks old, the calendar address made), the new-ritual form (weekly, and
/// monthly on a weekday), a ritual's page with its past times and both partners' notes, its change form, the monthly
/// reflection both wrote, and the rituals card on the home page asking "Did you do it?".
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class RitualPagesLightAndDark(AppFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheRitualPagesWithWeeksOfHistoryOnAPhoneAreShotAndHaveNoSeriousAxeViolations(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var samPerson = new Person("Sam", "America/New_York");
        var alex = await app.PairedInvitersPhoneAsync(alexPerson, samPerson, scheme);
        await using var alexContext = alex.Context;
        try
        {
            var alexId = await app.UserIdOfAsync(alexPerson.Email);
            var samId = await app.UserIdOfAsync(samPerson.Email);
            await app.SeedPositiveHistoryAsync(alexId, samId);
            var seeded = await app.SeedRitualsAsync(alexId, samId);

            // The list, with the calendar address made.
            var rituals = new RitualsPage(alex);
            await rituals.OpenAsync();
            await alex.ExpectThemeAsync(scheme);
            await Expect(rituals.List.Locator("[data-ritual]")).ToHaveCountAsync(3);
            var dateNight = rituals.Card(RitualHistory.DateNightName);
            await Expect(dateNight.Locator("[data-mark-heading]")).ToHaveTextAsync("Did you do it?");
            await Expect(RitualsPage.ProgressText(dateNight)).ToHaveTextAsync("Done 4 of 5 so far");
            await Expect(RitualsPage.Streak(dateNight)).ToHaveTextAsync("2 in a row");
            await rituals.CreateCalendarAddress.TapAsync();
            await Expect(rituals.CalendarAddress).ToHaveValueAsync(new Regex(@"^https?://.+"));
            await SettledAsync(alex);
            await Shot(alex, $"rituals-01-list-{theme}");
            await ScreenAt(alex, rituals.CalendarFeed, $"rituals-02-calendar-address-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"rituals list with a calendar address ({theme})", output, withSnackbars: true);

            // The new-ritual form: weekly (the day chips), then monthly on a weekday.
            var editor = new RitualEditorPage(alex);
            await editor.OpenNewAsync("date-night");
            await alex.ExpectThemeAsync(scheme);
            await Expect(editor.ChosenDays).ToHaveCountAsync(1);
            await SettledAsync(alex);
            await Shot(alex, $"rituals-03-new-weekly-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"new ritual, weekly ({theme})", output);

            await editor.OpenNewAsync("monthly-reflection");
            await alex.ExpectThemeAsync(scheme);
            await Expect(editor.HowOften).ToHaveTextAsync("Every month on a weekday");
            await Expect(editor.NthWeekday.GetByRole(AriaRole.Combobox, new() { Name = "Which" })).ToHaveTextAsync("First");
            await Expect(editor.NthWeekday.GetByRole(AriaRole.Combobox, new() { Name = "Weekday" })).ToHaveTextAsync("Sunday");
            await Expect(editor.Days).ToHaveCountAsync(0);
            await SettledAsync(alex);
            await Shot(alex, $"rituals-04-new-monthly-on-a-weekday-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"new ritual, monthly on a weekday ({theme})", output);

            // A ritual's page: how it's going, what's coming, past times with both partners' notes, the reminder.
            var page = new RitualDetailPage(alex);
            await page.OpenAsync(seeded.DateNight);
            await alex.ExpectThemeAsync(scheme);
            await Expect(page.ProgressText).ToHaveTextAsync("Done 4 of 5 so far");
            await Expect(page.PastTimes).ToHaveCountAsync(6);
            var withNotes = page.PastTime(seeded.DateNightWithNotes);
            await Expect(RitualDetailPage.NoteText(RitualDetailPage.Note(withNotes, "Your note"))).ToContainTextAsync("first holiday");
            await Expect(RitualDetailPage.NoteText(RitualDetailPage.Note(withNotes, "Sam's note"))).ToContainTextAsync("<and the wine>");
            await Expect(RitualDetailPage.StatusText(page.PastTime(seeded.DateNightYesterday))).ToHaveTextAsync("Not marked yet");
            await Expect(page.Reminder).ToBeVisibleAsync();
            await SettledAsync(alex);
            await Shot(alex, $"rituals-05-ritual-page-{theme}");
            await ScreenAt(alex, withNotes, $"rituals-06-ritual-page-notes-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"a ritual's page with past times and notes ({theme})", output);

            // Its change form.
            await page.Edit.TapAsync();
            await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "Change ritual", Level = 1 })).ToBeVisibleAsync();
            await Expect(editor.Name).ToHaveValueAsync(RitualHistory.DateNightName);
            await SettledAsync(alex);
            await Shot(alex, $"rituals-07-change-ritual-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"change a ritual ({theme})", output);

            // The monthly reflection's page (the guided look back called out), then the reflection both wrote.
            await page.OpenAsync(seeded.Reflection);
            await alex.ExpectThemeAsync(scheme);
            await Expect(page.Past.Locator("[data-reflection-link]").First).ToBeVisibleAsync();
            await SettledAsync(alex);
            await Shot(alex, $"rituals-08-reflection-ritual-page-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"the monthly reflection's ritual page ({theme})", output);

            var reflection = new MonthlyReflectionPage(alex);
            await reflection.OpenAsync(seeded.Reflection, seeded.ReflectionDay);
            await alex.ExpectThemeAsync(scheme);
            await Expect(reflection.Heading).ToHaveTextAsync(RitualHistory.ReflectionName);
            await Expect(reflection.WentWell).ToHaveValueAsync(new Regex("^We kept date night"));
            await Expect(reflection.PartnerStatus).ToHaveTextAsync("You've both written. Sam's is below.");
            await Expect(reflection.PartnersReflection).ToContainTextAsync("Walk by the river every Sunday morning.");
            await SettledAsync(alex);
            await Shot(alex, $"rituals-09-monthly-reflection-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"the monthly reflection ({theme})", output);

            // The home page's rituals card.
            await new HomePage(alex).OpenAsync();
            await alex.ExpectThemeAsync(scheme);
            var card = new UpcomingRitualsSection(alex);
            await Expect(card.AwaitingFor(RitualHistory.DateNightName)).ToBeVisibleAsync();
            await Expect(card.AwaitingFor(RitualHistory.GratitudeName)).ToBeVisibleAsync();
            await Expect(card.ProgressText(RitualHistory.DateNightName)).ToHaveTextAsync("Done 4 of 5 so far");
            await Expect(card.Progress.Locator("li")).ToHaveCountAsync(3);
            await SettledAsync(alex);
            await ScreenAt(alex, card.Card, $"rituals-10-home-rituals-card-{theme}");
            await ElementShot(card.Card, $"rituals-11-home-rituals-card-whole-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"home with the rituals card ({theme})", output);
        }
        catch
        {
            await Shot(alex, $"failure-ritual-pages-{theme}");
            throw;
        }
    }

    /// <summary>
    /// The bottom navigation's five destinations at 390 px: every label on one line, none running into the next, all on
    /// the screen. Shot on the rituals page, and with "Guide" (the how-it-works page) the current page.
    /// </summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheBottomNavigationWithRitualsKeepsEachOfItsFiveLabelsOnOneLine(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alex = await app.SignedInPhoneAsync(new Person("Alex", "Europe/Berlin"), scheme);
        await using var context = alex.Context;
        var rituals = new RitualsPage(alex);
        await rituals.OpenAsync();
        await alex.ExpectThemeAsync(scheme);
        var nav = alex.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var labels = nav.Locator(".cc-bottom-nav__label");
        await Expect(labels).ToHaveTextAsync(["Home", "Gratitude", "Noticed", "Rituals", "Reminders"]);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Rituals" })).ToHaveClassAsync(new Regex("cc-bottom-nav__item--active"));

        var measured = await labels.EvaluateAllAsync<JsonElement>(MeasureLabels);
        output.WriteLine("Bottom navigation labels: " + measured);
        var previousRight = double.NegativeInfinity;
        foreach (var label in measured.EnumerateArray())
        {
            var name = label.GetProperty("text").GetString();
            Assert.True(label.GetProperty("lines").GetInt32() == 1, $"\"{name}\" takes {label.GetProperty("lines").GetInt32()} lines: {label}");
            Assert.True(label.GetProperty("left").GetDouble() >= 0 && label.GetProperty("right").GetDouble() <= 390, $"\"{name}\" runs off the screen: {label}");
            Assert.True(label.GetProperty("left").GetDouble() > previousRight, $"\"{name}\" runs into the label before it: {label}");
            previousRight = label.GetProperty("right").GetDouble();
        }

        Assert.True(await nav.EvaluateAsync<bool>("nav => nav.scrollWidth <= nav.clientWidth && nav.getBoundingClientRect().right <= window.innerWidth"), "The bottom navigation is wider than the phone.");
        await SettledAsync(alex);
        await ScreenAt(alex, rituals.Heading, $"rituals-00-bottom-nav-five-items-{theme}");
        await ElementShot(nav, $"rituals-00-bottom-nav-five-items-close-up-{theme}", withFixedBars: true);

        await nav.GetByRole(AriaRole.Link, new() { Name = "Reminders" }).TapAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Reminders" })).ToHaveClassAsync(new Regex("cc-bottom-nav__item--active"));
        await SettledAsync(alex);
        await ElementShot(nav, $"rituals-00-bottom-nav-reminders-current-{theme}", withFixedBars: true);
    }

    /// <summary>Per label: its text, how many lines its text makes, where it starts and ends, and how wide its item is.</summary>
    private const string MeasureLabels = """
        labels => labels.map(label => {
            const range = document.createRange();
            range.selectNodeContents(label);
            const lines = new Set([...range.getClientRects()].filter(rect => rect.width > 0).map(rect => Math.round(rect.top))).size;
            const box = label.getBoundingClientRect();
            const item = label.closest('.cc-bottom-nav__item').getBoundingClientRect();
            return {
                text: label.textContent.trim(),
                lines,
                left: box.left,
                right: box.right,
                width: Math.round(box.width),
                itemWidth: Math.round(item.width),
            };
        })
        """;

    /// <summary>No ripple, hover look, transition or snackbar still moving (a tap leaves a ripple and a hover).</summary>
    private static async Task SettledAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(animation => animation.effect?.getComputedTiming().endTime === Infinity || animation.playState !== 'running')");
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));

    private async Task ScreenAt(IPage page, ILocator element, string name) =>
        output.WriteLine("Screenshot: " + await Screenshots.SaveScreenAtAsync(page, element, name));

    /// <summary>
    /// Just the element (e.g. the bottom navigation, or a card taller than the screen), next to the other shots. Unless
    /// it is the app bar or the bottom navigation itself, those two are left out: fixed, they would paint over it.
    /// </summary>
    private async Task ElementShot(ILocator element, string name, bool withFixedBars = false)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        var path = Path.Combine(Screenshots.Folder, name + ".png");
        await element.ScreenshotAsync(new() { Path = path, Style = withFixedBars ? null : ".cc-bottom-nav, .mud-appbar { visibility: hidden !important; }" });
        output.WriteLine("Screenshot: " + path);
    }
}
