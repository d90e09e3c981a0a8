using CoupleConnect.Domain.CheckIns;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// The day's question a morning reminder quotes, given by the feature that owns the questions (CheckIns), so the
/// reminder engine reaches it through this hook and does not depend on that feature.
/// </summary>
public interface IDailyQuestionSource
{
    /// <summary>The couple's question for <paramref name="day"/>, chosen and saved now if nobody has looked yet.</summary>
    Task<DailyQuestion> GetOrCreateAsync(Guid coupleId, DateOnly day, DateOnly pairedOn, CancellationToken cancellationToken);
}
