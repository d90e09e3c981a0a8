using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Domain.Tests.Positives;

/// <summary>Only its author deletes a positive; a heart is taken back on the answer it was given on (docs/adr/0035).</summary>
public class DeletingAPositive
{
    private static readonly Guid Couple = Guid.Parse("6d0c8f0e-8a1b-4f55-9f0e-3b1c2a7d9e41");
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnlyItsAuthorMayDeleteIt()
    {
        var positive = Positive.Log(Couple, "sam", "alex", PositiveKind.Help, null, Today, Today, Now);

        positive.EnsureDeletableBy("sam");
        Assert.Equal(PositiveRule.NotYourWords, Assert.Throws<PositiveRuleException>(() => positive.EnsureDeletableBy("alex")).Rule);
        Assert.Equal(PositiveRule.NotYourWords, Assert.Throws<PositiveRuleException>(() => positive.EnsureDeletableBy("robin")).Rule);
    }

    [Fact]
    public void AHeartIsTakenBackOnTheAnswerNotDeletedHere()
    {
        var heart = Positive.Heart(Couple, "sam", "alex", Today, Today, Now);

        Assert.Equal(PositiveRule.HeartIsTakenBackOnTheAnswer, Assert.Throws<PositiveRuleException>(() => heart.EnsureDeletableBy("sam")).Rule);
    }
}
