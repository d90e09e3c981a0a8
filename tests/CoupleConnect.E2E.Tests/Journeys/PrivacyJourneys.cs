using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 17 items 2 and 3 on two phones (docs/adr/0036): reveal together, where a "." opens nothing until both tap
/// Reveal and turning it off takes both; and private mode, where Sam's positive does not reach Alex's open dashboard
/// live but does the next morning (the app's clock moved there). Each new state is screenshotted and checked with axe.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class PrivacyJourneys(AppFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task WithRevealTogetherADotOpensNothingUntilBothTapRevealAndTurningItOffTakesBoth(ColorScheme scheme)
    {
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "Europe/Berlin"), scheme);
        var suffix = scheme == ColorScheme.Dark ? "dark" : "light";
        try
        {
            await OpenSettingsAsync(sam);
            await sam.Locator("#reveal-together-on").TapAsync();
            await Expect(sam.Locator("#reveal-together-status")).ToHaveTextAsync("On for you both.");
            await ShotAndAxeAsync(sam, $"privacy-01-reveal-together-on-{suffix}", "Couple settings, reveal together on");

            await OpenTodayAsync(alex);
            await OpenTodayAsync(sam);
            var alexCard = new QuestionCardSection(alex);
            var samCard = new QuestionCardSection(sam);
            const string alexsWords = "I have missed our evening walks more than I said.";
            await alexCard.AnswerAsync(alexsWords);
            await samCard.AnswerAsync(".");

            await samCard.ExpectStateAsync("WaitingForReveal");
            await Expect(sam.GetByText(alexsWords)).ToHaveCountAsync(0);
            await alexCard.ExpectStateAsync("WaitingForReveal");
            await ShotAndAxeAsync(sam, $"privacy-02-waiting-for-reveal-{suffix}", "Today, both answered, waiting for Reveal");

            await sam.Locator("#reveal-button").TapAsync();
            await Expect(samCard.PartnerStatus).ToContainTextAsync("You tapped Reveal");
            await Expect(sam.GetByText(alexsWords)).ToHaveCountAsync(0);
            await ShotAndAxeAsync(sam, $"privacy-03-sam-tapped-{suffix}", "Today, Sam tapped Reveal");
            await Expect(alexCard.PartnerStatus).ToContainTextAsync("Sam is ready"); // live on Alex's open page
            await ShotAndAxeAsync(alex, $"privacy-04-partner-ready-{suffix}", "Today, Sam is ready to reveal");

            await alex.Locator("#reveal-button").TapAsync();
            await alexCard.ExpectStateAsync("Revealed");
            await samCard.ExpectStateAsync("Revealed");
            await Expect(samCard.PartnerAnswer).ToHaveTextAsync(alexsWords);

            await OpenSettingsAsync(sam);
            await sam.Locator("#reveal-together-ask-off").TapAsync();
            await Expect(sam.Locator("#reveal-together-status")).ToContainTextAsync("goes off once Alex agrees");
            await ShotAndAxeAsync(sam, $"privacy-05-asked-to-turn-off-{suffix}", "Couple settings, asked to turn off", withSnackbars: true);
            await OpenSettingsAsync(alex);
            await Expect(alex.Locator("#reveal-together-status")).ToContainTextAsync("Sam asked to turn reveal together off");
            await ShotAndAxeAsync(alex, $"privacy-06-partner-asked-{suffix}", "Couple settings, partner asked to turn off");
            await alex.Locator("#reveal-together-agree").TapAsync();
            await Expect(alex.Locator("#reveal-together-status")).ToContainTextAsync("Off");
            await Expect(sam.Locator("#reveal-together-status")).ToContainTextAsync("Off"); // live on Sam's open settings
        }
        catch
        {
            await Shot(alex, $"failure-privacy-reveal-alex-{suffix}");
            await Shot(sam, $"failure-privacy-reveal-sam-{suffix}");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task InPrivateModeSamsPositiveDoesNotAppearLiveOnAlexsOpenDashboardButDoesAfterTheMorning(ColorScheme scheme)
    {
        const string homeZone = "Europe/Berlin";
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", homeZone), new Person("Sam", "America/New_York"), scheme);
        var suffix = scheme == ColorScheme.Dark ? "dark" : "light";
        const string samsNote = "You made the whole evening feel easy.";
        try
        {
            await OpenSettingsAsync(sam);
            await PrivateModeSwitch(sam).CheckAsync();
            await Expect(PrivateModeSwitch(sam)).ToBeCheckedAsync();
            await ShotAndAxeAsync(sam, $"privacy-07-private-mode-on-{suffix}", "Couple settings, private mode on", withSnackbars: true);

            // Alex's dashboard is open the whole time; Sam notices something and logs it.
            var alexFeed = new PositiveFeedSection(alex);
            await Expect(alexFeed.Feed).ToBeVisibleAsync();
            await new PositivesPage(sam).OpenAsync();
            var writtenAt = app.Clock.GetUtcNow();
            await new LogPositiveSection(sam).LogAsync("Help", samsNote);

            await alex.WaitForTimeoutAsync(3_000); // a live update, had there been one, arrives well within this
            await Expect(alexFeed.Entry(samsNote)).ToHaveCountAsync(0);
            await ShotAndAxeAsync(alex, $"privacy-08-alex-sees-nothing-live-{suffix}", "Alex's home, Sam's positive held");

            // Today's question: Sam answers second, in private mode; neither reads first.
            await OpenTodayAsync(alex);
            await new QuestionCardSection(alex).AnswerAsync("The quiet breakfast on Sunday.");
            await OpenTodayAsync(sam, partnerAnswered: true);
            await new QuestionCardSection(sam).AnswerAsync("When you laughed at my terrible joke.");
            await new QuestionCardSection(sam).ExpectStateAsync("OpensInTheMorning");
            await ShotAndAxeAsync(sam, $"privacy-10-opens-in-the-morning-{suffix}", "Today, both answered in private mode");
            await alex.ReloadAsync();
            await alex.WaitUntilInteractiveAsync();
            await new QuestionCardSection(alex).ExpectStateAsync("WaitingForPartner");

            app.Clock.MoveTo(PrivateMode.PartnerSeesFrom(writtenAt, TimeZoneId.Parse(homeZone)).AddMinutes(1));
            await alex.GotoAsync("");
            await alex.WaitUntilInteractiveAsync();
            await Expect(alexFeed.Entry(samsNote)).ToHaveCountAsync(1);
            await ShotAndAxeAsync(alex, $"privacy-09-alex-sees-it-next-morning-{suffix}", "Alex's home the next morning");
        }
        catch
        {
            await Shot(alex, $"failure-privacy-private-alex-{suffix}");
            await Shot(sam, $"failure-privacy-private-sam-{suffix}");
            throw;
        }
        finally
        {
            app.Clock.Reset();
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private static ILocator PrivateModeSwitch(IPage page) => page.Locator("#private-mode").GetByLabel("Private mode", new() { Exact = true });

    private static async Task OpenSettingsAsync(IPage page)
    {
        await page.GotoAsync("couple/settings");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#reveal-together")).ToBeVisibleAsync();
    }

    private static async Task OpenTodayAsync(IPage page, bool partnerAnswered = false)
    {
        await page.GotoAsync("today");
        await page.WaitUntilInteractiveAsync();
        var card = new QuestionCardSection(page);
        await card.ExpectStateAsync("NotAnswered");
        if (partnerAnswered)
        {
            await Expect(card.PartnerStatus).ToContainTextAsync("has answered");
        }
    }

    private async Task ShotAndAxeAsync(IPage page, string name, string pageName, bool withSnackbars = false)
    {
        await Shot(page, name);
        await page.AssertNoSeriousAxeViolationsAsync(pageName, output, withSnackbars);
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
