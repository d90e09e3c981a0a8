namespace CoupleConnect.Web.Features.Temperature;

/// <summary>One partner's answer as a page shows it.</summary>
public sealed record TemperatureAnswerView(int Connected, string Gain, string Wish);

/// <summary>A revealed week: both answers.</summary>
public sealed record TemperatureWeekView(DateOnly WeekOf, TemperatureAnswerView Mine, TemperatureAnswerView Partners);

/// <summary>One week on the 12-week trend: each partner's revealed score, or null (not answered, or not revealed yet).</summary>
public sealed record TemperatureTrendWeek(DateOnly WeekOf, int? Mine, int? Partners);

/// <summary>A small gain someone celebrated in a revealed week.</summary>
public sealed record SmallGainView(DateOnly WeekOf, string AuthorName, string Text);

/// <summary>
/// The weekly temperature page and card. <see cref="Mine"/> is the signed-in person's answer this week (their own, so
/// always shown); <see cref="PartnerAnswered"/> says only whether the partner's answer is waiting (never its content,
/// and never while private mode holds it); <see cref="Revealed"/> has both once both answered.
/// </summary>
public sealed record TemperatureView(
    string PartnerName,
    DateOnly ThisWeek,
    TemperatureAnswerView? Mine,
    bool PartnerAnswered,
    TemperatureWeekView? Revealed,
    IReadOnlyList<TemperatureTrendWeek> Trend,
    IReadOnlyList<SmallGainView> LatestGains,
    bool SuggestTimeTogether)
{
    /// <summary>The trend has at least one revealed week to draw.</summary>
    public bool HasTrend => Trend.Any(week => week.Mine is not null || week.Partners is not null);
}
