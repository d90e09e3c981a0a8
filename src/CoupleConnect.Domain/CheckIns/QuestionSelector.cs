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

    /// <summary>No topic chosen: every topic is asked.</summary>
    public static readonly IReadOnlySet<QuestionCategory> AllTopics = new HashSet<QuestionCategory>();

    /// <param name="alreadyAsked">The couple's earlier questions in the order they were asked, oldest first.</param>
    public static Question Choose(IReadOnlyList<Question> bank, IReadOnlyCollection<int> alreadyAsked, DepthPreference preference, DateOnly pairedOn, DateOnly day, Guid coupleId) =>
        Choose(bank, alreadyAsked, preference, AllTopics, pairedOn, day, coupleId);

    /// <summary>
    /// The day's question from the chosen depths and <paramref name="topics"/> (empty: every topic). When the couple's
    /// topics have nothing at the day's depth (a narrow choice during the gentle start), the depth alone decides, so
    /// there is always a question.
    /// </summary>
    /// <param name="alreadyAsked">The couple's earlier questions in the order they were asked, oldest first.</param>
    /// <param name="instead">Today's current question when the couple swaps it: never chosen again for the swap.</param>
    public static Question Choose(
        IReadOnlyList<Question> bank,
        IReadOnlyCollection<int> alreadyAsked,
        DepthPreference preference,
        IReadOnlySet<QuestionCategory> topics,
        DateOnly pairedOn,
        DateOnly day,
        Guid coupleId,
        int? instead = null)
    {
        var eligible = Eligible(bank, preference, topics, pairedOn, day);
        if (eligible.Count == 0)
        {
            throw new InvalidOperationException("The question bank has no question of the requested depth.");
        }

        var askedThisRound = CurrentRound(alreadyAsked, eligible.Select(question => question.Id).ToHashSet());
        var fresh = eligible.Where(question => !askedThisRound.Contains(question.Id) && question.Id != instead).ToList();
        if (fresh.Count == 0)
        {
            // Swapping the last unasked question of a round: the next round starts, without the one being swapped away.
            fresh = eligible.Where(question => question.Id != instead).ToList();
        }

        if (fresh.Count == 0)
        {
            throw new InvalidOperationException("There is no other question to swap to.");
        }

        return fresh[StableIndex(coupleId, day, fresh.Count)];
    }

    /// <summary>The bank filtered by the couple's choice, in id order (so the pick doesn't depend on the bank's order).</summary>
    public static IReadOnlyList<Question> Eligible(IReadOnlyList<Question> bank, DepthPreference preference, IReadOnlySet<QuestionCategory> topics, DateOnly pairedOn, DateOnly day)
    {
        var depths = DepthsFor(preference, pairedOn, day);
        var atDepth = bank.Where(question => depths.Contains(question.Depth)).OrderBy(question => question.Id).ToList();
        var onTopic = atDepth.Where(question => topics.Count == 0 || topics.Contains(question.Category)).ToList();
        return onTopic.Count > 0 ? onTopic : atDepth;
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
