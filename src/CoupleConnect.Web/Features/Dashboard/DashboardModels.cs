using CoupleConnect.Domain.Dashboard;
using CoupleConnect.Web.Features.Positives;

namespace CoupleConnect.Web.Features.Dashboard;

/// <summary>Where today's question stands for the two of them.</summary>
public enum QuestionStatus
{
    NotAnswered,
    Answered,
    Revealed,
}

/// <summary>Everything the shared dashboard shows, read in one go (a few round trips, never per card).</summary>
/// <param name="MyTimeZone">The signed-in partner's own zone: their evening decides what the home page puts first.</param>
/// <param name="JustStarted">A couple paired in the last two weeks who haven't answered, thanked or noticed anything yet: the welcome shows.</param>
public sealed record DashboardView(
    string PartnerName,
    DateOnly Today,
    QuestionStatus MyQuestion,
    QuestionStatus PartnersQuestion,
    bool IThankedToday,
    bool PartnerThankedToday,
    IReadOnlyList<PositiveView> Latest,
    IReadOnlyList<WeekCount> Weeks,
    StreakStatus Streak,
    string MyTimeZone = "Etc/UTC",
    bool JustStarted = false)
{
    /// <summary>How long after pairing a couple with nothing written yet still counts as just started.</summary>
    public const int WelcomeDays = 14;

    /// <summary>Nothing written yet, by either of them: the cards show how to begin instead of zeros.</summary>
    public bool NothingYet => Latest.Count == 0 && Streak is { Days: 0, LastQuietDay: null, YouToday: false, PartnerToday: false };

    /// <summary>They have never both done something on one day: no run to count, so the first-days card stands in for "0 days".</summary>
    public bool NoDayTogetherYet => Streak is { Days: 0, LastQuietDay: null };

    /// <summary>Nothing noticed or thanked yet: the weekly chart would be empty, so it waits for the first entry.</summary>
    public bool ChartEmpty => Weeks.All(week => week.Yours == 0 && week.Partners == 0);

    /// <summary>Both answered today's question and the couple reveals together: it waits for both taps (docs/adr/0036).</summary>
    public bool TodayWaitsForReveal { get; init; }

    public const int LatestCount = 8;
    public const int WeeksShown = 12;

    public WeekCount ThisWeek => Weeks[^1];

    public WeekCount LastWeek => Weeks[^2];
}
