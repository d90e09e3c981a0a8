using CoupleConnect.Domain.Dashboard;
using CoupleConnect.Web.Features.Dashboard;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>The streak in words: kind in every state, and a quiet day stated as a fact with a way back, never as blame.</summary>
public sealed class StreakCardTests : DashboardTestContext
{
    private static readonly string[] ShamingWords = ["missed", "broke", "broken", "lost", "fail", "shame", "forgot", "only", "didn't"];

    public static TheoryData<StreakStatus, string, string> Lines => new()
    {
        { new StreakStatus(3, true, true, null), "3 days", "You both showed up today. Lovely." },
        { new StreakStatus(1, true, true, new DateOnly(2026, 11, 24)), "1 day", "You both showed up today. Lovely." },
        { new StreakStatus(5, true, false, null), "5 days", "In a row where you both did something. Alex can keep it going today." },
        { new StreakStatus(5, false, true, null), "5 days", "In a row where you both did something. Alex already did today; your turn." },
        { new StreakStatus(2, false, false, null), "2 days", "In a row where you both did something. Today keeps it going." },
        { new StreakStatus(0, false, false, new DateOnly(2026, 11, 24)), "0 days", "24 November 2026 was a quiet day. Any small thing today starts a new run." },
        { new StreakStatus(0, true, false, new DateOnly(2026, 11, 20)), "0 days", "20 November 2026 was a quiet day. Any small thing today starts a new run." },
        { new StreakStatus(0, false, false, null), "0 days", "Answer, thank or notice something on the same day, and your first day together starts here." },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void TheCardStatesTheStreakKindly(StreakStatus streak, string days, string line)
    {
        var card = Render<StreakCard>(parameters => parameters.Add(c => c.Streak, streak).Add(c => c.PartnerName, PartnerName));

        Assert.Equal(days, card.Find("#streak-days").TextContent.Trim());
        Assert.Equal(line, card.Find("#streak-line").TextContent.Trim());
        Assert.Equal("Together, day by day", card.Find("#streak-card h2").TextContent.Trim());
    }

    [Fact]
    public void AQuietDayIsNeverStatedAsBlame()
    {
        var card = Render<StreakCard>(parameters => parameters
            .Add(c => c.Streak, new StreakStatus(0, false, true, new DateOnly(2026, 11, 23)))
            .Add(c => c.PartnerName, PartnerName));

        var text = card.Find("#streak-card").TextContent;
        Assert.Contains("was a quiet day", text, StringComparison.Ordinal);
        Assert.Contains("starts a new run", text, StringComparison.Ordinal);
        Assert.All(ShamingWords, word => Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(PartnerName, text, StringComparison.Ordinal); // a quiet day is nobody's fault
    }

    [Fact]
    public void ThePartnersNameIsText()
    {
        var card = Render<StreakCard>(parameters => parameters
            .Add(c => c.Streak, new StreakStatus(4, true, false, null))
            .Add(c => c.PartnerName, "<img src=x onerror=alert(1)>"));

        Assert.Contains("<img src=x onerror=alert(1)> can keep it going today.", card.Find("#streak-line").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("#streak-card img"));
    }
}
