using CoupleConnect.Domain.CheckIns;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class CheckInRuleMessages
{
    private const string Fallback = "That didn't work. Nothing was changed.";

    public static TheoryData<CheckInRule> EveryRule => new(Enum.GetValues<CheckInRule>());

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void TheExceptionCarriesTheRuleAndItsMessage(CheckInRule rule)
    {
        var refusal = new CheckInRuleException(rule);

        Assert.Equal(rule, refusal.Rule);
        Assert.Equal(CheckInRuleException.MessageFor(rule), refusal.Message);
    }

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void EveryRuleHasItsOwnMessageRatherThanTheFallback(CheckInRule rule)
    {
        var message = CheckInRuleException.MessageFor(rule);

        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.NotEqual(Fallback, message);
    }

    [Fact]
    public void NoTwoRulesShareAMessage()
    {
        var rules = Enum.GetValues<CheckInRule>();

        Assert.Equal(rules.Length, rules.Select(CheckInRuleException.MessageFor).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AnUnknownRuleGetsTheFallback()
    {
        Assert.Equal(Fallback, CheckInRuleException.MessageFor((CheckInRule)999));
    }

    [Fact]
    public void TheWindowMessageSaysSixDaysLater()
    {
        Assert.Equal(
            "Questions can be answered on their day and up to 6 days later; this one is no longer open.",
            CheckInRuleException.MessageFor(CheckInRule.OutsideAnswerWindow));
    }
}
