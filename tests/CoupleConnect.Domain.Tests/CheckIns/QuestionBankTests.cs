using CoupleConnect.Domain.CheckIns;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class QuestionBankTests
{
    private static readonly IReadOnlyList<Question> Bank = QuestionBank.All;

    [Fact]
    public void HoldsAtLeast365QuestionsSoAYearPassesWithoutARepeat()
    {
        Assert.True(Bank.Count >= 365, $"Expected at least 365 questions, found {Bank.Count}.");
    }

    [Fact]
    public void IdsAreUniqueAndContiguousFromOne()
    {
        var ids = Bank.Select(q => q.Id).Order().ToList();

        Assert.Equal(Enumerable.Range(1, Bank.Count), ids);
    }

    [Fact]
    public void TextsAreUniqueIgnoringCaseAndSurroundingSpace()
    {
        var duplicates = Bank
            .GroupBy(q => q.Text.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void EveryTextFitsTheMaximumLength()
    {
        var tooLong = Bank.Where(q => q.Text.Length > Question.MaxLength).Select(q => q.Id).ToList();

        Assert.Empty(tooLong);
    }

    [Fact]
    public void EveryTextIsAQuestionWithoutStraySpace()
    {
        Assert.All(Bank, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Text));
            Assert.Equal(q.Text.Trim(), q.Text);
            Assert.EndsWith("?", q.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void NoTextContainsMarkup()
    {
        Assert.All(Bank, q =>
        {
            Assert.DoesNotContain("<", q.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(">", q.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TextsArePlainPrintableAscii()
    {
        Assert.All(Bank, q => Assert.All(q.Text, c => Assert.InRange(c, ' ', '~')));
    }

    [Fact]
    public void EveryCategoryHasAtLeast12Questions()
    {
        Assert.All(Enum.GetValues<QuestionCategory>(), category =>
        {
            var count = Bank.Count(q => q.Category == category);
            Assert.True(count >= 12, $"{category} has only {count} questions.");
        });
    }

    [Fact]
    public void EveryDepthAppearsInEveryCategory()
    {
        foreach (var category in Enum.GetValues<QuestionCategory>())
        {
            foreach (var depth in Enum.GetValues<QuestionDepth>())
            {
                Assert.True(
                    Bank.Any(q => q.Category == category && q.Depth == depth),
                    $"{category} has no {depth} question.");
            }
        }
    }

    [Fact]
    public void OnlyUsesDefinedCategoriesAndDepths()
    {
        Assert.All(Bank, q =>
        {
            Assert.True(Enum.IsDefined(q.Category));
            Assert.True(Enum.IsDefined(q.Depth));
        });
    }

    [Theory]
    [InlineData("How are you?")]
    [InlineData("How was your day?")]
    [InlineData("What's up?")]
    [InlineData("How are you doing?")]
    [InlineData("How's it going?")]
    public void ContainsNoGenericQuestion(string generic)
    {
        Assert.DoesNotContain(Bank, q => string.Equals(q.Text.Trim(), generic, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheBankIsTheSameInstanceEachTime()
    {
        Assert.Same(QuestionBank.All, QuestionBank.All);
    }
}
