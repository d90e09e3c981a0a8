using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.Web.Features.TimeOuts;
using MudBlazor.Services;

namespace CoupleConnect.Web.Tests.TimeOuts;

/// <summary>
/// The time-out page's parts, rendered from view records: the return-time choices in both partners' clocks with a plain
/// reason where a pick isn't offered, the calm screen's words for the caller and for the partner, and the talk suggestion.
/// </summary>
public sealed class TimeOutComponentsTests : BunitContext
{
    private static readonly DateTime Earliest = new(2026, 12, 7, 19, 0, 0);

    public TimeOutComponentsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
    }

    [Fact]
    public void EachOfferedPickShowsItsTimeInBothClocksAndAPassedEveningSaysWhy()
    {
        TimeOutReturnChoice? chosen = null;
        var start = new TimeOutStart(
            [
                new(TimeOutQuickPick.TwentyMinutes, "20 minutes", new BothClocks("19:00 today", "13:00 today for Sam"), null),
                new(TimeOutQuickPick.ThisEvening, "This evening", null, "It's already evening: choose 1 hour, tomorrow morning or a time of your own."),
            ],
            Earliest,
            Earliest.AddHours(24).AddMinutes(-20));

        var call = Render<TimeOutCall>(parameters => parameters
            .Add(component => component.Start, start)
            .Add(component => component.PartnerName, "Sam")
            .Add(component => component.OnCall, (TimeOutReturnChoice choice) => chosen = choice));

        Assert.Equal("20 minutesback 19:00 today (13:00 today for Sam)", call.Find("#pick-TwentyMinutes").TextContent.Trim().Replace("\n", string.Empty, StringComparison.Ordinal).Replace("  ", string.Empty, StringComparison.Ordinal));
        Assert.Empty(call.FindAll("#pick-ThisEvening"));
        Assert.Equal("This evening: It's already evening: choose 1 hour, tomorrow morning or a time of your own.", call.Find("#pick-ThisEvening-not-now").TextContent.Trim());
        var custom = call.Find("#time-out-custom");
        Assert.Equal("datetime-local", custom.GetAttribute("type"));
        Assert.Equal("2026-12-07T19:00", custom.GetAttribute("min"));
        Assert.Equal("2026-12-08T18:40", custom.GetAttribute("max"));

        call.Find("#pick-TwentyMinutes").Click();
        Assert.Equal(new TimeOutReturnChoice(TimeOutQuickPick.TwentyMinutes, null), chosen);
    }

    [Theory]
    [InlineData(true, "You asked for this pause. Sam knows, and has been asked only to pause too.")]
    [InlineData(false, "Sam asked for a pause so you can both come back ready to listen. Nothing is needed from you but to rest.")]
    public void TheCalmScreenSpeaksToTheCallerAndToThePartnerWithoutBlame(bool calledByMe, string expected)
    {
        var running = Render<TimeOutRunning>(parameters => parameters
            .Add(component => component.TimeOut, View(calledByMe, canExtend: !calledByMe))
            .Add(component => component.PartnerName, "Sam"));

        Assert.Contains(expected, running.Find("#time-out-running").TextContent, StringComparison.Ordinal);
        Assert.Equal("Back together at 19:00 today", running.Find("#time-out-return").TextContent.Trim());
        Assert.Equal("That's 13:00 today for Sam.", running.Find("#time-out-return-partner").TextContent.Trim());
        Assert.Equal(!calledByMe, running.FindAll("#time-out-extend").Count == 1);
        Assert.Single(running.FindAll("#time-out-end-early"));
    }

    [Fact]
    public void BothReadySuggestsAGuidedTalk()
    {
        var suggestion = Render<TimeOutTalkSuggestion>(parameters => parameters.Add(component => component.PartnerName, "Sam"));

        Assert.Equal("talks/new", suggestion.Find("#time-out-start-talk").GetAttribute("href"));
        Assert.Contains("Start a guided talk with Sam", suggestion.Find("#time-out-start-talk").TextContent, StringComparison.Ordinal);
    }

    private static TimeOutView View(bool calledByMe, bool canExtend) => new(
        Guid.NewGuid(),
        TimeOutPhase.Running,
        calledByMe,
        new BothClocks("19:00 today", "13:00 today for Sam"),
        new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero),
        canExtend,
        false,
        false,
        false,
        null,
        [],
        Earliest.AddHours(23));
}
