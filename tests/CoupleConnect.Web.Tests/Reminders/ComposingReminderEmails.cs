using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.Web.Tests.Reminders;

/// <summary>
/// The one reminder composer, on its own: facts in, subject, text and HTML out, with no database and no clock. Every
/// kind's words, its button, its way out for exactly that kind, and the headers mail apps act on.
/// </summary>
public sealed class ComposingReminderEmails
{
    private static readonly Uri Site = new("https://couples.example.org/");
    private static readonly DateOnly Day = new(2027, 3, 7);
    private static readonly Guid RitualId = Guid.Parse("7a1d9c1e-2b4f-4c3e-9f00-0123456789ab");

    [Fact]
    public void TheMorningQuestionQuotesTheQuestionAndLinksToItsDay()
    {
        var email = ReminderEmails.Compose(Facts(ReminderKind.DailyQuestion) with { Question = new QuestionEmailFacts(Day, "What made you smile today?") });

        Assert.Equal("Today's question for you and Sam", email.Subject);
        Assert.Contains("What made you smile today?", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://couples.example.org/checkin/2027-03-07", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stop the morning question emails", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("alex@example.test", email.ToAddress);
        Assert.Equal("Alex", email.ToName);
    }

    [Fact]
    public void YourTurnNamesThePartnerAndSaysTheQuestionWaitsWhenThereIsNoQuestionToQuote()
    {
        var email = ReminderEmails.Compose(Facts(ReminderKind.PartnerActivity));

        Assert.Equal("Sam answered today's question — your turn", email.Subject);
        Assert.Contains("Today's question is waiting for you.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Answer and see theirs", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEveningGratitudeReminderLinksToTonightsGratitudeWhateverElseIsKnown()
    {
        var email = ReminderEmails.Compose(Facts(ReminderKind.EveningGratitude) with { Question = new QuestionEmailFacts(Day, "Unused") });

        Assert.Equal("One thing you appreciated about Sam today", email.Subject);
        Assert.Contains("href=\"https://couples.example.org/gratitude\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Unused", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stop the gratitude emails", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWeeklySummaryShowsItsParagraphsAndOpensTheSharedPage()
    {
        var email = ReminderEmails.Compose(Facts(ReminderKind.WeeklySummary) with { SummaryParagraphs = ["You both answered five questions.", "Sam thanked you twice."] });

        Assert.Equal("Your week with Sam", email.Subject);
        Assert.Contains("You both answered five questions.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sam thanked you twice.", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://couples.example.org/\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReminderKind.RitualReminder, "Coming up: Date night")]
    [InlineData(ReminderKind.RitualDayBefore, "Tomorrow: Date night")]
    public void ARitualReminderSaysWhichRitualWhenAndForHowLongAndLinksToIt(ReminderKind kind, string subject)
    {
        var email = ReminderEmails.Compose(Facts(kind) with { Ritual = new RitualEmailFacts(RitualId, "Date night", "Friday at 19:00", "2 hours") });

        Assert.Equal(subject, email.Subject);
        Assert.Contains("Friday at 19:00, for 2 hours.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://couples.example.org/rituals/{RitualId}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stop reminders for this ritual", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ATalkReminderSaysWhenAndForHowLongAndLinksToTheTalkButNeverNamesItsTopic()
    {
        var talkId = Guid.CreateVersion7();
        var email = ReminderEmails.Compose(Facts(ReminderKind.TalkComingUp) with { Talk = new TalkEmailFacts(talkId, "Friday 11 December, 20:00", 30) });

        Assert.Equal("Your talk with Sam is coming up", email.Subject);
        Assert.Contains("Friday 11 December, 20:00, for 30 minutes.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://couples.example.org/talks/{talkId}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stop reminders before talks", email.TextBody, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderEmails.Compose(Facts(ReminderKind.TalkComingUp)));
    }

    [Fact]
    public void ARitualReminderWithoutItsRitualIsRefusedRatherThanSentEmpty()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderEmails.Compose(Facts(ReminderKind.RitualReminder)));
    }

    [Fact]
    public void EveryReminderCarriesOneClickUnsubscribeForItsOwnTokenAndAMessageIdFromItsOutboxRow()
    {
        var email = ReminderEmails.Compose(Facts(ReminderKind.DailyQuestion) with { UnsubscribeToken = "a+b/c=" });

        Assert.Equal("<https://couples.example.org/unsubscribe/one-click?token=a%2Bb%2Fc%3D>", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", email.Headers["Auto-Submitted"]);
        Assert.Contains("https://couples.example.org/unsubscribe?token=a%2Bb%2Fc%3D", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("reminder-42@example.org", email.MessageId);
        Assert.Equal(ReminderEmails.MessageIdFor(42, "example.org"), email.MessageId);
    }

    [Theory]
    [InlineData("hello@example.org", "example.org")]
    [InlineData("no-domain", "coupleconnect.local")]
    [InlineData("trailing@", "coupleconnect.local")]
    public void TheMessageIdDomainIsTheFromAddresssOrASafeStandIn(string from, string domain)
    {
        Assert.Equal(domain, ReminderEmails.MessageIdDomainOf(from));
    }

    [Fact]
    public void NamesAreTextInTheHtmlNeverMarkup()
    {
        var email = ReminderEmails.Compose(Facts(ReminderKind.EveningGratitude) with { PartnerName = "Sam <b>&" });

        Assert.Contains("Sam &lt;b&gt;&amp;", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam <b>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFactsMakeTheSameEmail()
    {
        var facts = Facts(ReminderKind.DailyQuestion) with { Question = new QuestionEmailFacts(Day, "What made you smile today?") };

        var first = ReminderEmails.Compose(facts);
        var second = ReminderEmails.Compose(facts);

        Assert.Equal((first.Subject, first.TextBody, first.HtmlBody, first.MessageId), (second.Subject, second.TextBody, second.HtmlBody, second.MessageId));
    }

    private static ReminderEmailFacts Facts(ReminderKind kind) =>
        new(42, kind, "alex@example.test", "Alex", "Sam", Site, "token-for-this-kind", "hello@example.org");
}
