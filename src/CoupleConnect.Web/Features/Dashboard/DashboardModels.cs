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
public sealed record DashboardView(
    string PartnerName,
    DateOnly Today,
    QuestionStatus MyQuestion,
    QuestionStatus PartnersQuestion,
    bool IThankedToday,
    bool PartnerThankedToday,
    IReadOnlyList<PositiveView> Latest,
    IReadOnlyList<WeekCount> Weeks,
    StreakStatus Streak)
{
    public const int LatestCount = 8;
    public const int WeeksShown = 12;

    public WeekCount ThisWeek => Weeks[^1];

    public WeekCount LastWeek => Weeks[^2];
}
