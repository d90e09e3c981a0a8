using System.Text.Json;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Reminders.Push;

namespace CoupleConnect.Web.Tests.Reminders;

/// <summary>
/// The one notification composer: a lock screen is public, so no kind carries anyone's words or names, only what kind
/// of moment it is and a link into the app. Discreet mode makes even that generic.
/// </summary>
public sealed class ComposingReminderNotifications
{
    private static readonly DateOnly Day = new(2027, 3, 7);
    private static readonly Guid RitualId = Guid.Parse("7a1d9c1e-2b4f-4c3e-9f00-0123456789ab");
    private static readonly Guid TalkId = Guid.Parse("0b6f3a55-9d0e-4a2c-8a11-fedcba987654");

    /// <summary>Everything a check can know, with words that must never reach a notification.</summary>
    private static readonly ReminderCheck EverythingKnown = new(null)
    {
        Question = new QuestionEmailFacts(Day, "What do you miss most about how we used to be?"),
        Ritual = new RitualEmailFacts(RitualId, "Our Sunday bath", "Sunday 20:00", "1 hour"),
        Talk = new TalkEmailFacts(TalkId, "Tuesday 19:00", 30),
        TimeOut = new TimeOutEmailFacts("at 21:30"),
        SummaryParagraphs = ["Sam thanked you for the flowers."],
    };

    public static TheoryData<ReminderKind> NotifiedKinds() => new(Enum.GetValues<ReminderKind>().Where(kind => ReminderTopics.Of(kind) is not null));

    [Theory]
    [MemberData(nameof(NotifiedKinds))]
    public void NoKindCarriesAnyonesWordsOrNames(ReminderKind kind)
    {
        var json = ReminderPushes.Compose(kind, Only(kind), discreet: false).ToJson();

        foreach (var secret in new[] { "miss most", "Sunday bath", "flowers", "Sam", "Tuesday", "21:30" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NotifiedKinds))]
    public void DiscreetModeSaysOnlyAGentleReminderButStillOpensTheRightPage(ReminderKind kind)
    {
        var plain = ReminderPushes.Compose(kind, Only(kind), discreet: false);
        var discreet = ReminderPushes.Compose(kind, Only(kind), discreet: true);

        Assert.Equal("A gentle reminder", discreet.Title);
        Assert.Null(discreet.Body);
        Assert.Equal(plain.Url, discreet.Url);
    }

    [Theory]
    [InlineData(ReminderKind.DailyQuestion, "/checkin/2027-03-07")]
    [InlineData(ReminderKind.PartnerActivity, "/checkin/2027-03-07")]
    [InlineData(ReminderKind.EveningGratitude, "/gratitude")]
    [InlineData(ReminderKind.WeeklyTemperature, "/temperature")]
    [InlineData(ReminderKind.WeeklySummary, "/")]
    [InlineData(ReminderKind.RitualReminder, "/rituals/7a1d9c1e-2b4f-4c3e-9f00-0123456789ab")]
    [InlineData(ReminderKind.TalkComingUp, "/talks/0b6f3a55-9d0e-4a2c-8a11-fedcba987654")]
    [InlineData(ReminderKind.TimeOutNotice, "/time-out")]
    [InlineData(ReminderKind.TimeOutReturn, "/time-out")]
    public void ATapOpensThePageTheEmailButtonWouldOpen(ReminderKind kind, string path) =>
        Assert.Equal(path, ReminderPushes.Compose(kind, Only(kind), discreet: false).Url);

    [Fact]
    public void ThePayloadHasExactlyTheFieldsTheServiceWorkerReads()
    {
        using var json = JsonDocument.Parse(ReminderPushes.Compose(ReminderKind.EveningGratitude, new ReminderCheck(null), discreet: false).ToJson());

        Assert.Equal(["title", "body", "url", "tag"], json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal("One small thing from today?", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void TheCoupleEndedNoticeIsNeverANotification() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPushes.Compose(ReminderKind.PartnerLeft, new ReminderCheck(null), discreet: false));

    /// <summary>What the kind's own check gives (a question for the question kinds, the ritual for a ritual…), with every word it could hold.</summary>
    private static ReminderCheck Only(ReminderKind kind) => kind switch
    {
        ReminderKind.DailyQuestion or ReminderKind.PartnerActivity => new ReminderCheck(null) { Question = EverythingKnown.Question },
        ReminderKind.RitualReminder or ReminderKind.RitualDayBefore => new ReminderCheck(null) { Ritual = EverythingKnown.Ritual },
        ReminderKind.TalkComingUp => new ReminderCheck(null) { Talk = EverythingKnown.Talk },
        ReminderKind.TimeOutNotice or ReminderKind.TimeOutReturn or ReminderKind.TimeOutReturnExtended => new ReminderCheck(null) { TimeOut = EverythingKnown.TimeOut },
        ReminderKind.WeeklySummary => new ReminderCheck(null) { SummaryParagraphs = EverythingKnown.SummaryParagraphs },
        _ => EverythingKnown,
    };
}
