using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoupleConnect.Domain.CheckIns;

/// <summary>How deep the couple's questions go (couple settings).</summary>
public enum DepthPreference
{
    /// <summary>Light questions for the first <see cref="QuestionSelector.GentleStartDays"/> days, then a mix.</summary>
    Automatic,
    Light,
    Mixed,
    Deeper,
}

/// <summary>
/// Picks the day's question: deterministic for (couple, day), from the depths the couple chose, never repeating until
/// every eligible question has been asked, then starting a new round.
/// </summary>
public static class QuestionSelector
{
    public const int GentleStartDays = 14;

    /// <param name="alreadyAsked">The couple's earlier questions in the order they were asked, oldest first.</param>
    public static Question Choose(IReadOnlyList<Question> bank, IReadOnlyCollection<int> alreadyAsked, DepthPreference preference, DateOnly pairedOn, DateOnly day, Guid coupleId)
    {
        var depths = DepthsFor(preference, pairedOn, day);
        var eligible = bank.Where(question => depths.Contains(question.Depth)).OrderBy(question => question.Id).ToList();
        if (eligible.Count == 0)
        {
            throw new InvalidOperationException("The question bank has no question of the requested depth.");
        }

        var askedThisRound = CurrentRound(alreadyAsked, eligible.Select(question => question.Id).ToHashSet());
        var fresh = eligible.Where(question => !askedThisRound.Contains(question.Id)).ToList();
        return fresh[StableIndex(coupleId, day, fresh.Count)];
    }

    /// <summary>
    /// The eligible questions asked since the last time every eligible question had been asked. <paramref name="askedInOrder"/>
    /// lists earlier days' questions, oldest first.
    /// </summary>
    private static HashSet<int> CurrentRound(IEnumerable<int> askedInOrder, HashSet<int> eligibleIds)
    {
        var round = new HashSet<int>();
        foreach (var id in askedInOrder.Where(eligibleIds.Contains))
        {
            round.Add(id);
            if (round.Count == eligibleIds.Count)
            {
                round.Clear(); // a full round is complete: the next one starts afresh
            }
        }

        return round;
    }

    public static IReadOnlySet<QuestionDepth> DepthsFor(DepthPreference preference, DateOnly pairedOn, DateOnly day) => preference switch
    {
        DepthPreference.Light => new HashSet<QuestionDepth> { QuestionDepth.Light },
        DepthPreference.Deeper => new HashSet<QuestionDepth> { QuestionDepth.Medium, QuestionDepth.Deep },
        DepthPreference.Mixed => new HashSet<QuestionDepth> { QuestionDepth.Light, QuestionDepth.Medium, QuestionDepth.Deep },
        _ => day < pairedOn.AddDays(GentleStartDays)
            ? new HashSet<QuestionDepth> { QuestionDepth.Light }
            : new HashSet<QuestionDepth> { QuestionDepth.Light, QuestionDepth.Medium, QuestionDepth.Deep },
    };

    // A hash, not Random or string.GetHashCode: the same couple and day give the same pick on every machine and run.
    private static int StableIndex(Guid coupleId, DateOnly day, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{coupleId:N}:{day:yyyy-MM-dd}")));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)count);
    }
}
