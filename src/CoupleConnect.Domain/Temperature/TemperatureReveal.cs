namespace CoupleConnect.Domain.Temperature;

/// <summary>
/// The both-answered gate, as for the daily question: a week's answers are shown to the partners only once both
/// answered that week, and a private-mode answer (docs/adr/0036) counts only from the morning it reaches the partner.
/// Until then each sees only their own.
/// </summary>
public static class TemperatureReveal
{
    public static bool IsRevealed(TemperatureAnswer? mine, TemperatureAnswer? partners, DateTimeOffset now) =>
        mine is not null && partners is not null && mine.WeekOf == partners.WeekOf && mine.AuthorId != partners.AuthorId
        && Couples.PrivateMode.IsVisible(mine.VisibleToPartnerFrom, now) && Couples.PrivateMode.IsVisible(partners.VisibleToPartnerFrom, now);

    /// <summary>The weeks both answers of which were revealed by <paramref name="now"/>, from any couple's answers.</summary>
    public static IReadOnlySet<DateOnly> RevealedWeeks(IEnumerable<TemperatureAnswer> answers, DateTimeOffset now) =>
        answers.GroupBy(answer => answer.WeekOf)
            .Where(week => week.Select(answer => answer.AuthorId).Distinct().Count() == 2
                && week.All(answer => Couples.PrivateMode.IsVisible(answer.VisibleToPartnerFrom, now)))
            .Select(week => week.Key)
            .ToHashSet();
}
