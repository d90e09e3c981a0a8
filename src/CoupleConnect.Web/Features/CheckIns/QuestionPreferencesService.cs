using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>What the couple's daily questions are about and how deep they go: one shared couple setting.</summary>
public sealed record QuestionPreferences(DepthPreference Depth, IReadOnlySet<QuestionCategory> Topics)
{
    /// <summary>No topic chosen means every topic.</summary>
    public bool AllTopics => Topics.Count == 0;
}

/// <summary>The couple's question depth and topics. Changes apply from the next new day (or the next swap).</summary>
public sealed class QuestionPreferencesService(CoupleDb coupleDb)
{
    /// <summary>The topics in the order the settings show them.</summary>
    public static IReadOnlyList<QuestionCategory> TopicOptions { get; } =
    [
        QuestionCategory.Fun,
        QuestionCategory.Memories,
        QuestionCategory.DreamsAndGoals,
        QuestionCategory.Appreciation,
        QuestionCategory.FeelingCaredFor,
        QuestionCategory.Needs,
        QuestionCategory.HighsAndLows,
        QuestionCategory.Repair,
        QuestionCategory.Intimacy,
    ];

    public async Task<QuestionPreferences?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var couple = await coupleDb.OpenAsync(cancellationToken);
        if (couple is null)
        {
            return null;
        }

        var stored = await couple.Db.CheckInPreferences.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new QuestionPreferences(stored?.Depth ?? DepthPreference.Automatic, stored?.Topics.ToHashSet() ?? []);
    }

    /// <summary>Applies from the next new day's question; today's stays as it is, so both partners keep the same one.</summary>
    public Task<ServiceResult> SetDepthAsync(DepthPreference depth, CancellationToken cancellationToken = default) =>
        !Enum.IsDefined(depth)
            ? Task.FromResult(ServiceResult.Fail("Please choose one of the options."))
            : ChangeAsync(preference => preference.Depth = depth, cancellationToken);

    /// <summary>The topics to ask about; choosing none (or all) means every topic.</summary>
    public Task<ServiceResult> SetTopicsAsync(IEnumerable<QuestionCategory> topics, CancellationToken cancellationToken = default)
    {
        var chosen = topics.Distinct().ToList();
        if (chosen.Any(topic => !Enum.IsDefined(topic)))
        {
            return Task.FromResult(ServiceResult.Fail("Please choose from the topics shown."));
        }

        return ChangeAsync(preference => preference.Topics = [.. chosen.Order()], cancellationToken);
    }

    private async Task<ServiceResult> ChangeAsync(Action<CheckInPreference> change, CancellationToken cancellationToken)
    {
        await using var couple = await coupleDb.OpenAsync(cancellationToken);
        if (couple is null)
        {
            return ServiceResult.Fail(CheckInService.NotPairedMessage);
        }

        var db = couple.Db;
        var preference = await db.CheckInPreferences.SingleOrDefaultAsync(cancellationToken);
        if (preference is null)
        {
            preference = new CheckInPreference { CoupleId = couple.Scope.CoupleId };
            db.CheckInPreferences.Add(preference);
        }

        change(preference);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    public static string Describe(DepthPreference depth) => depth switch
    {
        DepthPreference.Light => "Light: easy, warm questions",
        DepthPreference.Mixed => "A mix of light, thoughtful and deep",
        DepthPreference.Deeper => "Deeper: thoughtful and vulnerable questions",
        _ => $"Gentle start: light for the first {QuestionSelector.GentleStartDays} days, then a mix",
    };

    public static string Describe(QuestionCategory topic) => topic switch
    {
        QuestionCategory.Fun => "Fun",
        QuestionCategory.Memories => "Memories",
        QuestionCategory.DreamsAndGoals => "Dreams",
        QuestionCategory.Appreciation => "Appreciation",
        QuestionCategory.FeelingCaredFor => "Feeling cared for",
        QuestionCategory.Needs => "Needs",
        QuestionCategory.HighsAndLows => "Our days",
        QuestionCategory.Repair => "Making up",
        QuestionCategory.Intimacy => "Intimacy",
        _ => topic.ToString(),
    };
}
