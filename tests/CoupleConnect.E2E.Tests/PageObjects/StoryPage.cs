using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.PageObjects;

/// <summary>"Our story" (/story) on one phone: the prompts, the new-moment editor, and each moment with its side.</summary>
public sealed class StoryPage(IPage page)
{
    public ILocator Empty => page.Locator("#story-empty");

    public ILocator Moments => page.Locator("[data-moment]");

    public ILocator NewMomentText => page.Locator("#new-moment-text");

    public ILocator Moment(string title) => Moments.Filter(new() { HasText = title });

    public async Task OpenAsync()
    {
        await page.GotoAsync("story");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#story-write")).ToBeVisibleAsync();
    }

    /// <summary>Starts from a prompt (its title fills in, the day is today), adds a few lines and saves.</summary>
    public async Task AddFromPromptAsync(string promptKey, string lines)
    {
        await page.Locator($"[data-prompt='{promptKey}']").TapAsync();
        await Expect(NewMomentText).ToBeVisibleAsync();
        await NewMomentText.FillAsync(lines);
        await page.Locator("#new-moment-save").TapAsync();
        await Expect(page.Locator("[data-moment-editor='new-moment']")).ToHaveCountAsync(0);
    }

    /// <summary>Opens "Add how I remember it" under the partner's moment and types the side (not yet saved).</summary>
    public async Task StartMySideAsync(string momentTitle, string side)
    {
        var moment = Moment(momentTitle);
        await moment.Locator("[data-add-side]").TapAsync();
        await moment.Locator("[data-side-editor] textarea").First.FillAsync(side);
    }

    public Task SaveMySideAsync(string momentTitle) => Moment(momentTitle).Locator("[data-save-side]").TapAsync();
}
