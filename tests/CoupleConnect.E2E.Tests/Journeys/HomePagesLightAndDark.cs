using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// The paired home's states on a 390x844 phone, light and dark (issue 15 items 7, 9, 10; docs/adr/0029): a new
/// couple's day one in the daytime (the welcome, today's question first, the day-one card instead of "0 days"); the
/// same in the evening (tonight's gratitude first, the question one line below); and once the welcome is dismissed
/// it stays away. Each is screenshotted and checked with axe.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class HomePagesLightAndDark(AppFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task DayOneInTheDaytimeWelcomesThemAndPutsTheQuestionFirst(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alex = await app.PairedInvitersPhoneAsync(new Person("Alex", ZoneWhereItIs.Daytime()), new Person("Sam", ZoneWhereItIs.Daytime(other: 1)), scheme);
        await using var context = alex.Context;
        try
        {
            await new HomePage(alex).OpenAsync();
            var home = new CoupleHomeSection(alex);
            await Expect(home.First).ToHaveAttributeAsync("data-now", "Question");
            await Expect(new QuestionCardSection(alex).AnswerField).ToBeVisibleAsync();
            var welcome = alex.Locator("#welcome-card");
            await Expect(welcome).ToContainTextAsync("Each day");
            await Expect(alex.Locator("#welcome-reminders")).ToContainTextAsync("your time");
            await Expect(alex.Locator("#first-days-card")).ToBeVisibleAsync();
            await Expect(alex.GetByText("0 days")).ToHaveCountAsync(0);
            await Expect(home.AlsoToday.Locator("[data-also]")).ToHaveCountAsync(3); // gratitude, noticing, rituals: the question is already first
            await alex.ExpectThemeAsync(scheme);
            await Shot(alex, $"home-01-day-one-daytime-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"home, day one, daytime ({theme})", output);

            // Dismissed, the welcome stays away on this phone.
            await alex.Locator("#welcome-dismiss").TapAsync();
            await Expect(welcome).ToHaveCountAsync(0);
            await new HomePage(alex).OpenAsync();
            await Expect(home.First).ToHaveAttributeAsync("data-now", "Question");
            await Expect(welcome).ToHaveCountAsync(0);
            await Shot(alex, $"home-02-question-first-welcome-dismissed-{theme}");
        }
        catch
        {
            await Shot(alex, $"failure-home-daytime-{theme}");
            throw;
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task InTheEveningTonightsGratitudeComesFirstWithTheQuestionOneTapAway(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alex = await app.PairedInvitersPhoneAsync(new Person("Alex", ZoneWhereItIs.Evening()), new Person("Sam", ZoneWhereItIs.Evening(other: 1)), scheme);
        await using var context = alex.Context;
        try
        {
            await new HomePage(alex).OpenAsync();
            var home = new CoupleHomeSection(alex);
            await Expect(home.First).ToHaveAttributeAsync("data-now", "Gratitude");
            await Expect(new GratitudeCardSection(alex).Text).ToBeVisibleAsync();
            await Expect(new QuestionCardSection(alex).Card).ToHaveCountAsync(0);
            await Expect(home.QuestionStatus).ToHaveTextAsync("Not answered yet");
            await alex.ExpectThemeAsync(scheme);
            await Shot(alex, $"home-03-day-one-evening-gratitude-first-{theme}");
            await alex.AssertNoSeriousAxeViolationsAsync($"home, evening ({theme})", output);

            // The question is one tap away.
            await home.AlsoToday.Locator("[data-also='question'] a").TapAsync();
            await Expect(new QuestionCardSection(alex).AnswerField).ToBeVisibleAsync();
        }
        catch
        {
            await Shot(alex, $"failure-home-evening-{theme}");
            throw;
        }
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
