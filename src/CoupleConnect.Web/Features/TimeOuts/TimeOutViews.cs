using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.TimeOuts;

namespace CoupleConnect.Web.Features.TimeOuts;

/// <summary>A time in both partners' own zones: "19:00 today" for me, and "14:00 for Sam" when Sam's clock says otherwise.</summary>
public sealed record BothClocks(string Mine, string? Partners);

/// <summary>A quick pick as the page offers it.</summary>
public sealed record TimeOutPickView(TimeOutQuickPick Pick, string Label, BothClocks? When, string? NotNow);

/// <summary>What /time-out shows when no time-out is current: the picks, and the custom field's bounds in my own clock.</summary>
public sealed record TimeOutStart(IReadOnlyList<TimeOutPickView> Picks, DateTime EarliestLocal, DateTime LatestLocal);

/// <summary>The current time-out, as one partner sees it. Never says who called it, only that "you" did (for the caller's own wording).</summary>
public sealed record TimeOutView(
    Guid Id,
    TimeOutPhase Phase,
    bool CalledByMe,
    BothClocks ReturnAt,
    DateTimeOffset ReturnAtUtc,
    bool CanExtend,
    bool EndedEarly,
    bool IAmReady,
    bool PartnerReady,
    string? MyNote,
    IReadOnlyList<TimeOutPickView> ExtendPicks,
    DateTime ExtendLatestLocal);

/// <summary>Everything the page needs in one read.</summary>
public sealed record TimeOutPageData(string MyName, string PartnerName, TimeOutView? Current, TimeOutStart Start, IReadOnlyList<TimeOutMonth> History);

/// <summary>The gentle banner on every page while a time-out runs (or waits for both to be ready).</summary>
public sealed record TimeOutBannerView(TimeOutPhase Phase, bool CalledByMe, string PartnerName, string ReturnAtMine);

internal static class TimeOutViews
{
    /// <summary>"19:00 today", "08:00 tomorrow", or "Wednesday 9 December, 08:00" in <paramref name="zone"/>.</summary>
    public static string When(DateTimeOffset instant, TimeZoneId zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone.Zone).DateTime;
        var today = zone.LocalDate(now);
        var day = DateOnly.FromDateTime(local);
        var clock = ClockText.Of(local);
        return day == today ? $"{clock} today"
            : day == today.AddDays(1) ? $"{clock} tomorrow"
            : local.ToString("dddd d MMMM, ", CultureInfo.InvariantCulture) + clock;
    }

    public static BothClocks Both(DateTimeOffset instant, TimeZoneId mine, TimeZoneId partners, string partnerName, DateTimeOffset now)
    {
        var myText = When(instant, mine, now);
        var theirText = When(instant, partners, now);
        return new BothClocks(myText, theirText == myText ? null : $"{theirText} for {partnerName}");
    }

    public static DateTime Local(DateTimeOffset instant, TimeZoneId zone) => TimeZoneInfo.ConvertTime(instant, zone.Zone).DateTime;
}
