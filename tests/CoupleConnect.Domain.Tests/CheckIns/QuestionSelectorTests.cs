using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class ChoosingTheDaysQuestion
{
    private static readonly DateOnly PairedLongAgo = new(2025, 1, 1);

    // Computed outside .NET from the documented recipe (SHA-256 of "<couple id, N format>:<yyyy-MM-dd>", first four bytes
    // as a little-endian uint, modulo the eligible count, over the ids in ascending order), so this is a real check.
    private static readonly List<int> Pinned = [21, 31, 23, 12, 31, 23, 32, 13, 14, 22];

    private static readonly string[] Cultures = ["th-TH", "ar-SA", "fa-IR", "de-DE", "ja-JP", "he-IL"];

    [Fact]
    public void GivesTheSameQuestionForTheSameCoupleAndDaySoBothPartnersSeeTheSame()
    {
        for (var offset = 0; offset < 60; offset++)
        {
            var day = Today.AddDays(offset);

            var forAlex = QuestionSelector.Choose(Bank, [], DepthPreference.Mixed, PairedLongAgo, day, CoupleId);
            var forSam = QuestionSelector.Choose(
                Bank.ToList(), new List<int>(), DepthPreference.Mixed, PairedLongAgo, day, Guid.Parse(CoupleId.ToString()));

            Assert.Equal(forAlex, forSam);
        }
    }

    [Fact]
    public void GivesTheSameQuestionWhateverOrderTheBankArrivesIn()
    {
        var reversed = Bank.Reverse().ToList();
        var byText = Bank.OrderBy(question => question.Text, StringComparer.Ordinal).ToList();
        IReadOnlyCollection<int> asked = [11, 22];

        for (var offset = 0; offset < 60; offset++)
        {
            var day = Today.AddDays(offset);
            var expected = QuestionSelector.Choose(Bank, asked, DepthPreference.Mixed, PairedLongAgo, day, CoupleId);

            Assert.Equal(expected, QuestionSelector.Choose(reversed, asked, DepthPreference.Mixed, PairedLongAgo, day, CoupleId));
            Assert.Equal(expected, QuestionSelector.Choose(byText, asked, DepthPreference.Mixed, PairedLongAgo, day, CoupleId));
        }
    }

    [Fact]
    public void GivesTheSamePicksOnEveryMachineAndRun()
    {
        // Pinned: the pick comes from SHA-256 of the couple and the day, not from Random or string.GetHashCode,
        // so these never change between runs, processes or machines.
        var picks = Enumerable.Range(0, 10)
            .Select(offset => QuestionSelector.Choose(Bank, [], DepthPreference.Mixed, PairedLongAgo, Today.AddDays(offset), CoupleId).Id)
            .ToList();

        Assert.Equal(Pinned, picks);
    }

    [Fact]
    public void GivesTheSamePicksWhateverTheCurrentCulture()
    {
        var differing = Cultures
            .Select(culture => (culture, picks: InCulture(culture, () => Enumerable.Range(0, 10)
                .Select(offset => QuestionSelector.Choose(Bank, [], DepthPreference.Mixed, PairedLongAgo, Today.AddDays(offset), CoupleId).Id)
                .ToList())))
            .Where(result => !Pinned.SequenceEqual(result.picks))
            .Select(result => $"{result.culture}: [{string.Join(", ", result.picks)}]")
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void DifferentDaysSpreadAcrossTheBank()
    {
        var picks = Enumerable.Range(0, 100)
            .Select(offset => QuestionSelector.Choose(Bank, [], DepthPreference.Mixed, PairedLongAgo, Today.AddDays(offset), CoupleId).Id)
            .ToList();

        Assert.Equal(Bank.Select(question => question.Id).Order(), picks.Distinct().Order());
        Assert.True(picks.GroupBy(id => id).Max(group => group.Count()) <= 25, "One question took a quarter of a hundred days.");
    }

    [Fact]
    public void DifferentCouplesOnTheSameDaySpreadAcrossTheBank()
    {
        var picks = Enumerable.Range(1, 100)
            .Select(n => QuestionSelector.Choose(Bank, [], DepthPreference.Mixed, PairedLongAgo, Today, CoupleNumber(n)).Id)
            .ToList();

        Assert.Equal(Bank.Select(question => question.Id).Order(), picks.Distinct().Order());
        Assert.True(picks.GroupBy(id => id).Max(group => group.Count()) <= 25, "One question went to a quarter of a hundred couples.");
    }

    [Fact]
    public void NeverChoosesAQuestionThatIsNotInTheBank()
    {
        for (var offset = 0; offset < 100; offset++)
        {
            var pick = QuestionSelector.Choose(Bank, [99, 100], DepthPreference.Mixed, PairedLongAgo, Today.AddDays(offset), CoupleId);

            Assert.Contains(pick, Bank);
        }
    }

    internal static Guid CoupleNumber(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:D12}");
}

public class NotRepeatingAQuestionUntilEveryEligibleOneWasAsked
{
    private static readonly DateOnly PairedLongAgo = new(2025, 1, 1);

    [Theory]
    [InlineData(DepthPreference.Light, 4)]
    [InlineData(DepthPreference.Deeper, 6)]
    [InlineData(DepthPreference.Mixed, 10)]
    public void OneQuestionADayAsksEachEligibleQuestionOnce(DepthPreference preference, int eligibleCount)
    {
        var asked = AskDaily(preference, Today, eligibleCount, [], CoupleId);

        Assert.Equal(eligibleCount, asked.Distinct().Count());
        Assert.Equal(Eligible(preference), asked.Order());
    }

    [Theory]
    [InlineData(DepthPreference.Light)]
    [InlineData(DepthPreference.Deeper)]
    [InlineData(DepthPreference.Mixed)]
    public void HoldsForEveryCoupleNotJustOne(DepthPreference preference)
    {
        var eligible = Eligible(preference);

        for (var n = 1; n <= 25; n++)
        {
            var asked = AskDaily(preference, Today, eligible.Count, [], ChoosingTheDaysQuestion.CoupleNumber(n));

            Assert.Equal(eligible, asked.Order());
        }
    }

    [Fact]
    public void AQuestionAskedEarlierIsSkippedEvenIfItWouldBeTodaysPick()
    {
        var wouldBe = QuestionSelector.Choose(Bank, [], DepthPreference.Mixed, PairedLongAgo, Today, CoupleId);

        var instead = QuestionSelector.Choose(Bank, [wouldBe.Id], DepthPreference.Mixed, PairedLongAgo, Today, CoupleId);

        Assert.NotEqual(wouldBe.Id, instead.Id);
    }

    [Fact]
    public void TheLastUnaskedQuestionIsChosenWhateverTheDay()
    {
        var allButOne = Bank.Select(question => question.Id).Where(id => id != 32).ToList();

        for (var offset = 0; offset < 30; offset++)
        {
            Assert.Equal(32, QuestionSelector.Choose(Bank, allButOne, DepthPreference.Mixed, PairedLongAgo, Today.AddDays(offset), CoupleId).Id);
        }
    }

    [Fact]
    public void OnceEveryEligibleQuestionWasAskedANewRoundStartsFromTheWholeSet()
    {
        var firstRound = AskDaily(DepthPreference.Light, Today, 4, [], CoupleId);

        var nextDays = Enumerable.Range(4, 20)
            .Select(offset => QuestionSelector.Choose(Bank, firstRound, DepthPreference.Light, PairedLongAgo, Today.AddDays(offset), CoupleId).Id)
            .ToList();

        Assert.All(nextDays, id => Assert.Contains(id, IdsOf(QuestionDepth.Light)));
        Assert.True(nextDays.Distinct().Count() > 1, "The new round kept asking one question.");
    }

    [Theory]
    [InlineData(DepthPreference.Light)]
    [InlineData(DepthPreference.Deeper)]
    [InlineData(DepthPreference.Mixed)]
    public void EveryLaterRoundAlsoAsksEachQuestionOnceFromTheWholeHistory(DepthPreference preference)
    {
        var eligible = Eligible(preference);

        var asked = AskDaily(preference, Today, eligible.Count * 4, [], CoupleId);

        var rounds = asked.Chunk(eligible.Count).ToList();
        Assert.Equal(4, rounds.Count);
        Assert.All(rounds, round => Assert.Equal(eligible, round.Order()));
        Assert.True(rounds.Skip(1).Any(round => !round.SequenceEqual(rounds[0])), "Every round asked in the same order.");
    }

    [Fact]
    public void ARoundInProgressSkipsWhatItHasAlreadyAsked()
    {
        // A full round of the light questions, then 13 and 11 again: the current round has only 12 and 14 left.
        List<int> history = [11, 12, 13, 14, 13, 11];

        var picks = Enumerable.Range(0, 40)
            .Select(offset => QuestionSelector.Choose(Bank, history, DepthPreference.Light, PairedLongAgo, Today.AddDays(offset), CoupleId).Id)
            .Distinct()
            .Order();

        Assert.Equal([12, 14], picks);
    }

    [Fact]
    public void TheOrderOfTheHistoryDecidesWhereTheRoundStarted()
    {
        // Oldest first: 11 asked twice and then the other three closes a round, so everything is open again.
        List<int> roundJustClosed = [11, 11, 12, 13, 14];

        var picks = Enumerable.Range(0, 40)
            .Select(offset => QuestionSelector.Choose(Bank, roundJustClosed, DepthPreference.Light, PairedLongAgo, Today.AddDays(offset), CoupleId).Id)
            .Distinct()
            .Order();

        Assert.Equal(IdsOf(QuestionDepth.Light), picks);
    }

    [Fact]
    public void TheGentleStartsLightQuestionsCountTowardsTheFirstMixedRound()
    {
        var pairedOn = Today;

        var asked = AskDaily(DepthPreference.Automatic, pairedOn, QuestionSelector.GentleStartDays + 7, [], CoupleId, pairedOn);

        var gentleStart = asked.Take(QuestionSelector.GentleStartDays).ToList();
        Assert.All(gentleStart, id => Assert.Contains(id, IdsOf(QuestionDepth.Light)));
        Assert.All(gentleStart.Chunk(4).Where(round => round.Length == 4), round => Assert.Equal(IdsOf(QuestionDepth.Light), round.Order()));
        // Every light question has been asked, so the mix from day 14 brings the six medium and deep ones first ...
        var firstMixed = asked.Skip(QuestionSelector.GentleStartDays).Take(6).Order();
        Assert.Equal(IdsOf(QuestionDepth.Medium).Concat(IdsOf(QuestionDepth.Deep)).Order(), firstMixed);
        // ... and then, with all ten asked, a new mixed round starts in which any of the ten may come.
        var afterTheFirstMixedRound = asked.Take(QuestionSelector.GentleStartDays + 6).ToList();
        var next = Enumerable.Range(0, 60)
            .Select(offset => QuestionSelector.Choose(Bank, afterTheFirstMixedRound, DepthPreference.Automatic, pairedOn, pairedOn.AddDays(20 + offset), CoupleId).Id)
            .Distinct()
            .Order();
        Assert.Equal(Bank.Select(question => question.Id).Order(), next);
    }

    [Fact]
    public void IgnoresAskedIdsThatAreNoLongerInTheBank()
    {
        var asked = AskDaily(DepthPreference.Light, Today, 4, [404, 405, 406], CoupleId);

        Assert.Equal(IdsOf(QuestionDepth.Light), asked.Order());
    }

    /// <summary>Asks one question a day for <paramref name="days"/> days, feeding each day's pick into the next day's history.</summary>
    private static List<int> AskDaily(DepthPreference preference, DateOnly firstDay, int days, IEnumerable<int> before, Guid coupleId, DateOnly? pairedOn = null)
    {
        var history = before.ToList();
        var asked = new List<int>();
        for (var offset = 0; offset < days; offset++)
        {
            var pick = QuestionSelector.Choose(Bank, history, preference, pairedOn ?? PairedLongAgo, firstDay.AddDays(offset), coupleId);
            history.Add(pick.Id);
            asked.Add(pick.Id);
        }

        return asked;
    }

    private static List<int> Eligible(DepthPreference preference) => preference switch
    {
        DepthPreference.Light => [.. IdsOf(QuestionDepth.Light)],
        DepthPreference.Deeper => [.. IdsOf(QuestionDepth.Medium).Concat(IdsOf(QuestionDepth.Deep)).Order()],
        _ => [.. Bank.Select(question => question.Id).Order()],
    };
}

public class ChoosingByTheCouplesDepthPreference
{
    private static readonly DateOnly PairedOn = new(2026, 11, 1);

    private static readonly QuestionDepth[] LightOnly = [QuestionDepth.Light];

    private static readonly QuestionDepth[] MediumAndDeep = [QuestionDepth.Medium, QuestionDepth.Deep];

    private static readonly QuestionDepth[] Everything = [QuestionDepth.Light, QuestionDepth.Medium, QuestionDepth.Deep];

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(400)]
    public void LightAsksOnlyLightQuestionsWhenever(int daysSincePairing)
    {
        var day = PairedOn.AddDays(daysSincePairing);

        Assert.Equal(LightOnly, QuestionSelector.DepthsFor(DepthPreference.Light, PairedOn, day));
        Assert.All(PicksFrom(DepthPreference.Light, day, 60), pick => Assert.Equal(QuestionDepth.Light, pick.Depth));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(400)]
    public void DeeperAsksOnlyMediumAndDeepQuestionsEvenInTheFirstWeeks(int daysSincePairing)
    {
        var day = PairedOn.AddDays(daysSincePairing);

        Assert.Equal(MediumAndDeep, QuestionSelector.DepthsFor(DepthPreference.Deeper, PairedOn, day).Order());
        var picks = PicksFrom(DepthPreference.Deeper, day, 60);
        Assert.All(picks, pick => Assert.NotEqual(QuestionDepth.Light, pick.Depth));
        Assert.Contains(picks, pick => pick.Depth == QuestionDepth.Medium);
        Assert.Contains(picks, pick => pick.Depth == QuestionDepth.Deep);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(400)]
    public void MixedAsksEveryDepthEvenInTheFirstWeeks(int daysSincePairing)
    {
        var day = PairedOn.AddDays(daysSincePairing);

        Assert.Equal(Everything, QuestionSelector.DepthsFor(DepthPreference.Mixed, PairedOn, day).Order());
        var picks = PicksFrom(DepthPreference.Mixed, day, 60);
        Assert.Equal(Everything, picks.Select(pick => pick.Depth).Distinct().Order());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    public void AutomaticAsksOnlyLightQuestionsBeforeDayFourteen(int daysSincePairing)
    {
        var day = PairedOn.AddDays(daysSincePairing);

        Assert.Equal(LightOnly, QuestionSelector.DepthsFor(DepthPreference.Automatic, PairedOn, day));
        var pick = QuestionSelector.Choose(Bank, [], DepthPreference.Automatic, PairedOn, day, CoupleId);
        Assert.Equal(QuestionDepth.Light, pick.Depth);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(365)]
    public void AutomaticMixesEveryDepthFromDayFourteen(int daysSincePairing)
    {
        Assert.Equal(14, QuestionSelector.GentleStartDays);

        var day = PairedOn.AddDays(daysSincePairing);

        Assert.Equal(Everything, QuestionSelector.DepthsFor(DepthPreference.Automatic, PairedOn, day).Order());
    }

    [Fact]
    public void AutomaticSwitchesExactlyOnDayFourteen()
    {
        IReadOnlyList<Question> noLightQuestions = [.. Bank.Where(question => question.Depth != QuestionDepth.Light)];

        Assert.Throws<InvalidOperationException>(
            () => QuestionSelector.Choose(noLightQuestions, [], DepthPreference.Automatic, PairedOn, PairedOn.AddDays(13), CoupleId));
        var dayFourteen = QuestionSelector.Choose(noLightQuestions, [], DepthPreference.Automatic, PairedOn, PairedOn.AddDays(14), CoupleId);

        Assert.NotEqual(QuestionDepth.Light, dayFourteen.Depth);
    }

    [Fact]
    public void AutomaticFromDayFourteenBringsMediumAndDeepQuestions()
    {
        var picks = PicksFrom(DepthPreference.Automatic, PairedOn.AddDays(14), 60);

        Assert.Equal(Everything, picks.Select(pick => pick.Depth).Distinct().Order());
    }

    /// <summary>Each of the next <paramref name="days"/> days' pick with nothing asked yet, so only the depth rule narrows them.</summary>
    private static List<Question> PicksFrom(DepthPreference preference, DateOnly firstDay, int days) =>
        Enumerable.Range(0, days)
            .Select(offset => QuestionSelector.Choose(Bank, [], preference, PairedOn, firstDay.AddDays(offset), CoupleId))
            .ToList();
}

public class ChoosingFromNothingEligible
{
    private static readonly DateOnly PairedLongAgo = new(2025, 1, 1);

    [Fact]
    public void AnEmptyBankIsRefusedWithAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => QuestionSelector.Choose([], [], DepthPreference.Mixed, PairedLongAgo, Today, CoupleId));

        Assert.Equal("The question bank has no question of the requested depth.", error.Message);
    }

    [Fact]
    public void ABankWithoutTheChosenDepthIsRefused()
    {
        IReadOnlyList<Question> lightOnly = [.. Bank.Where(question => question.Depth == QuestionDepth.Light)];
        IReadOnlyList<Question> deepOnly = [.. Bank.Where(question => question.Depth == QuestionDepth.Deep)];

        Assert.Throws<InvalidOperationException>(() => QuestionSelector.Choose(lightOnly, [], DepthPreference.Deeper, PairedLongAgo, Today, CoupleId));
        Assert.Throws<InvalidOperationException>(() => QuestionSelector.Choose(deepOnly, [], DepthPreference.Light, PairedLongAgo, Today, CoupleId));
        Assert.Throws<InvalidOperationException>(() => QuestionSelector.Choose(deepOnly, [], DepthPreference.Automatic, Today, Today, CoupleId));
    }

    [Fact]
    public void HavingAskedEverythingIsNotTheSameAsHavingNothingToAsk()
    {
        var everything = Bank.Select(question => question.Id).ToList();

        var pick = QuestionSelector.Choose(Bank, everything, DepthPreference.Mixed, PairedLongAgo, Today, CoupleId);

        Assert.Contains(pick, Bank);
    }
}
