using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.Web.Features.Temperature;

/// <summary>Turns a couple's answers into what the signed-in person may see: their own always, the partner's once revealed.</summary>
internal static class TemperatureViews
{
    /// <summary>How many of the latest revealed small gains the card shows.</summary>
    public const int LatestGainCount = 4;

    public static TemperatureView Build(CoupleScope scope, IReadOnlyList<TemperatureAnswer> answers, IReadOnlyList<DateOnly> weeks, DateOnly thisWeek, DateTimeOffset now)
    {
        var revealedWeeks = TemperatureReveal.RevealedWeeks(answers, now);
        var revealed = answers.Where(answer => revealedWeeks.Contains(answer.WeekOf)).ToList();
        TemperatureAnswer? Of(string userId, DateOnly week) => answers.FirstOrDefault(answer => answer.AuthorId == userId && answer.WeekOf == week);

        var mine = Of(scope.UserId, thisWeek);
        var partners = Of(scope.PartnerId, thisWeek);
        var revealedNow = revealedWeeks.Contains(thisWeek) ? new TemperatureWeekView(thisWeek, ToView(mine!), ToView(partners!)) : null;

        var trend = weeks.Select(week => new TemperatureTrendWeek(
            week,
            revealedWeeks.Contains(week) ? Of(scope.UserId, week)!.Connected : null,
            revealedWeeks.Contains(week) ? Of(scope.PartnerId, week)!.Connected : null)).ToList();

        var gains = revealed.OrderByDescending(answer => answer.WeekOf).ThenBy(answer => answer.AuthorId == scope.UserId)
            .Take(LatestGainCount)
            .Select(answer => new SmallGainView(answer.WeekOf, answer.AuthorId == scope.UserId ? "You" : scope.PartnerName, answer.Gain))
            .ToList();

        var suggest = TemperatureTrend.SuggestsTimeTogether(
            [PointsOf(revealed, scope.UserId), PointsOf(revealed, scope.PartnerId)],
            thisWeek);

        return new TemperatureView(
            scope.PartnerName,
            thisWeek,
            mine is null ? null : ToView(mine),
            partners is not null && PrivateMode.IsVisible(partners.VisibleToPartnerFrom, now),
            revealedNow,
            trend,
            gains,
            suggest);
    }

    private static IEnumerable<TemperaturePoint> PointsOf(IEnumerable<TemperatureAnswer> revealed, string userId) =>
        revealed.Where(answer => answer.AuthorId == userId).Select(answer => new TemperaturePoint(answer.WeekOf, answer.Connected));

    private static TemperatureAnswerView ToView(TemperatureAnswer answer) => new(answer.Connected, answer.Gain, answer.Wish);
}
