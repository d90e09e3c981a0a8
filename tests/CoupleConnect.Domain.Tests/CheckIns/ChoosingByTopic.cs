using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class ChoosingByTopic
{
    private static readonly DateOnly PairedLongAgo = new(2025, 1, 1);

    private static readonly IReadOnlySet<QuestionCategory> FunAndMemories = new HashSet<QuestionCategory> { QuestionCategory.Fun, QuestionCategory.Memories };

    [Fact]
    public void OnlyTheChosenTopicsAreAsked()
    {
        var asked = new List<int>();
        for (var offset = 0; offset < 60; offset++)
        {
            var question = QuestionSelector.Choose(QuestionBank.All, asked, DepthPreference.Mixed, FunAndMemories, PairedLongAgo, Today.AddDays(offset), CoupleId);
            Assert.Contains(question.Category, FunAndMemories);
            asked.Add(question.Id);
        }
    }

    [Fact]
    public void NoQuestionRepeatsUntilEveryQuestionOfTheChosenTopicsAndDepthHasBeenAsked()
    {
        var eligible = QuestionSelector.Eligible(QuestionBank.All, DepthPreference.Deeper, FunAndMemories, PairedLongAgo, Today).Select(question => question.Id).ToHashSet();
        var asked = new List<int>();

        for (var offset = 0; offset < eligible.Count; offset++)
        {
            asked.Add(QuestionSelector.Choose(QuestionBank.All, asked, DepthPreference.Deeper, FunAndMemories, PairedLongAgo, Today.AddDays(offset), CoupleId).Id);
        }

        Assert.Equal(eligible.Order(), asked.Order());
        var nextRound = QuestionSelector.Choose(QuestionBank.All, asked, DepthPreference.Deeper, FunAndMemories, PairedLongAgo, Today.AddDays(eligible.Count), CoupleId);
        Assert.Contains(nextRound.Id, eligible); // the bank is used up: a new round starts from all of them again
    }

    [Fact]
    public void AYearOfDailyQuestionsFromTheWholeBankNeverRepeats()
    {
        var asked = new List<int>();
        for (var offset = 0; offset < 365; offset++)
        {
            asked.Add(QuestionSelector.Choose(QuestionBank.All, asked, DepthPreference.Mixed, QuestionSelector.AllTopics, PairedLongAgo, Today.AddDays(offset), CoupleId).Id);
        }

        Assert.Equal(365, asked.Distinct().Count());
    }

    [Fact]
    public void ASwapNeverGivesBackTheQuestionBeingSwappedAwayEvenWhenItWasTheLastOfTheRound()
    {
        var eligible = QuestionSelector.Eligible(Bank, DepthPreference.Light, QuestionSelector.AllTopics, PairedLongAgo, Today).Select(question => question.Id).ToList();
        var asked = eligible.ToList(); // today's question is the round's last: every light question has now been asked
        var today = asked[^1];

        for (var offset = 0; offset < 30; offset++)
        {
            var swapped = QuestionSelector.Choose(Bank, asked, DepthPreference.Light, QuestionSelector.AllTopics, PairedLongAgo, Today.AddDays(offset), CoupleId, instead: today);
            Assert.NotEqual(today, swapped.Id);
        }
    }

    [Fact]
    public void ASwapPicksAQuestionNotYetAskedThisRound()
    {
        var asked = new List<int> { 11, 12 };
        const int today = 13;
        asked.Add(today);

        var swapped = QuestionSelector.Choose(Bank, asked, DepthPreference.Light, QuestionSelector.AllTopics, PairedLongAgo, Today, CoupleId, instead: today);

        Assert.Equal(14, swapped.Id); // the only light question left this round
    }

    [Fact]
    public void TopicsWithNothingAtTheDaysDepthFallBackToTheDepthAloneSoThereIsAlwaysAQuestion()
    {
        var onlyRepair = new HashSet<QuestionCategory> { QuestionCategory.Repair }; // the small bank's only repair question is deep

        var question = QuestionSelector.Choose(Bank, [], DepthPreference.Light, onlyRepair, PairedLongAgo, Today, CoupleId);

        Assert.Equal(QuestionDepth.Light, question.Depth);
    }

    [Fact]
    public void EveryTopicHasQuestionsAtEveryDepthSoAnyChoiceIsHonouredInTheRealBank()
    {
        foreach (var topic in Enum.GetValues<QuestionCategory>())
        {
            foreach (var depth in Enum.GetValues<QuestionDepth>())
            {
                var count = QuestionBank.All.Count(question => question.Category == topic && question.Depth == depth);
                Assert.True(count >= 5, $"{topic} has only {count} {depth} questions.");
            }
        }
    }
}
