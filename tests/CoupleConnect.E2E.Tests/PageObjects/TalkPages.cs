using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.PageObjects;

/// <summary>/talks and /talks/new: the list of talks and the proposal form.</summary>
public sealed class TalksPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Talks that listen", Level = 1 });

    public ILocator List => page.Locator("#talks-list");

    public ILocator Topic => page.Locator("#talk-topic");

    public ILocator Now => page.Locator("#talk-now");

    public ILocator Invite => page.Locator("#send-proposal");

    public ILocator Suggestion(string topic) => page.Locator($"[data-suggestion=\"{topic}\"]");

    public async Task OpenAsync()
    {
        await page.GotoAsync("talks");
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task OpenNewAsync()
    {
        await page.GotoAsync("talks/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Propose a talk", Level = 1 })).ToBeVisibleAsync();
    }
}

/// <summary>/talks/{id}: the invitation, the live turn-taking and the closing, from one partner's phone.</summary>
public sealed class TalkPage(IPage page)
{
    public ILocator Accept => page.Locator("#accept-talk");

    public ILocator Move => page.Locator("#talk-move");

    /// <summary>The move area when it's this person's turn to take <paramref name="step"/> (Speak, Reflect, Confirm).</summary>
    public ILocator MyMove(string step) => page.Locator($"#talk-move[data-step=\"{step}\"][data-my-move=\"true\"]");

    public ILocator Waiting => page.Locator("#talk-wait");

    public ILocator Text => Move.Locator("textarea");

    public ILocator Clarification => page.Locator("#talk-clarification");

    public ILocator ThatsIt => page.Locator("#thats-it");

    public ILocator NotQuite => page.Locator("#not-quite");

    public ILocator TurnCount => page.Locator("#talk-turn-count");

    public ILocator TimeLeft => page.Locator("#talk-time-left");

    public ILocator Intent => page.Locator("#talk-intent");

    public ILocator End => page.Locator("#end-talk");

    public ILocator Closing => page.Locator("#talk-closing");

    public ILocator NextStepText => Closing.Locator("textarea");

    public ILocator MyNextStep => page.Locator("#my-next-step");

    public ILocator PartnersNextStep => page.Locator("#partner-next-step");

    public ILocator Turn(int number) => page.Locator($"[data-turn=\"{number}\"]");

    /// <summary>Types into the move's text box and taps its button (e.g. "Say it back"), once the box has taken the words.</summary>
    public async Task WriteAsync(string text, string button)
    {
        await Text.FillAsync(text);
        var send = Move.GetByRole(AriaRole.Button, new() { Name = button });
        await Expect(send).ToBeEnabledAsync();
        await send.TapAsync();
    }

    public async Task NameNextStepAsync(string text)
    {
        await NextStepText.FillAsync(text);
        var save = Closing.GetByRole(AriaRole.Button, new() { Name = "Save" });
        await Expect(save).ToBeEnabledAsync();
        await save.TapAsync();
    }
}
