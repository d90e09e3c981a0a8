using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Tests.Couples;

public class CoupleRuleMessages
{
    private const string Fallback = "That didn't work. Nothing was changed.";

    public static TheoryData<CoupleRule> EveryRule => new(Enum.GetValues<CoupleRule>());

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void TheExceptionCarriesTheRuleAndItsMessage(CoupleRule rule)
    {
        var refusal = new CoupleRuleException(rule);

        Assert.Equal(rule, refusal.Rule);
        Assert.Equal(CoupleRuleException.MessageFor(rule), refusal.Message);
    }

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void EveryRuleHasItsOwnMessageRatherThanTheFallback(CoupleRule rule)
    {
        var message = CoupleRuleException.MessageFor(rule);

        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.NotEqual(Fallback, message);
    }

    [Fact]
    public void NoTwoRulesShareAMessage()
    {
        var rules = Enum.GetValues<CoupleRule>();

        Assert.Equal(rules.Length, rules.Select(CoupleRuleException.MessageFor).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AnUnknownRuleGetsTheFallback()
    {
        Assert.Equal(Fallback, CoupleRuleException.MessageFor((CoupleRule)999));
    }
}
