using CoupleConnect.Domain.Nudges;

namespace CoupleConnect.Domain.Tests.Nudges;

public class ADueNudge
{
    private static readonly DateTimeOffset Due = new(2026, 3, 8, 13, 0, 0, TimeSpan.Zero);

    private static NudgeFacts Sendable(NudgeKind kind = NudgeKind.DailyQuestion) =>
        new(kind, KindTurnedOn: true, EmailConfirmed: true, AddressBounced: false, Paired: true, AlreadyAnswered: false, Due, Due.AddMinutes(1));

    [Theory]
    [InlineData(NudgeKind.DailyQuestion)]
    [InlineData(NudgeKind.EveningGratitude)]
    [InlineData(NudgeKind.PartnerActivity)]
    public void GoesOutWhenNothingStandsInTheWay(NudgeKind kind) =>
        Assert.Null(NudgeRules.SkipReason(Sendable(kind)));

    [Fact]
    public void IsSkippedWhenTheKindIsTurnedOff() =>
        Assert.Equal(NudgeSkipReason.TurnedOff, NudgeRules.SkipReason(Sendable() with { KindTurnedOn = false }));

    [Fact]
    public void IsSkippedWhenTheEmailIsUnconfirmed() =>
        Assert.Equal(NudgeSkipReason.EmailUnconfirmed, NudgeRules.SkipReason(Sendable() with { EmailConfirmed = false }));

    [Fact]
    public void IsSkippedWhenTheAddressBounced() =>
        Assert.Equal(NudgeSkipReason.AddressBounced, NudgeRules.SkipReason(Sendable() with { AddressBounced = true }));

    [Fact]
    public void IsSkippedWhenThePersonIsNotPaired() =>
        Assert.Equal(NudgeSkipReason.NotPaired, NudgeRules.SkipReason(Sendable() with { Paired = false }));

    [Theory]
    [InlineData(NudgeKind.DailyQuestion)]
    [InlineData(NudgeKind.PartnerActivity)]
    public void AboutTheQuestionIsSkippedOnceThePersonAnswered(NudgeKind kind) =>
        Assert.Equal(NudgeSkipReason.AlreadyAnswered, NudgeRules.SkipReason(Sendable(kind) with { AlreadyAnswered = true }));

    [Fact]
    public void InTheEveningIsNotAboutTheQuestionSoAnsweringDoesNotSkipIt() =>
        Assert.Null(NudgeRules.SkipReason(Sendable(NudgeKind.EveningGratitude) with { AlreadyAnswered = true }));

    [Fact]
    public void ThreeHoursLateIsStillSent() =>
        Assert.Null(NudgeRules.SkipReason(Sendable() with { NowUtc = Due + NudgeClock.StalenessLimit }));

    [Fact]
    public void MoreThanThreeHoursLateIsDroppedAsStale() =>
        Assert.Equal(NudgeSkipReason.Stale, NudgeRules.SkipReason(Sendable() with { NowUtc = Due + NudgeClock.StalenessLimit + TimeSpan.FromSeconds(1) }));

    [Fact]
    public void TurnedOffWinsOverEveryOtherReason() =>
        Assert.Equal(NudgeSkipReason.TurnedOff, NudgeRules.SkipReason(new NudgeFacts(
            NudgeKind.DailyQuestion, false, false, true, false, true, Due, Due.AddDays(1))));
}

public class ARetriedSend
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(20, 30)]
    public void WaitsLongerEachTimeUpToHalfAnHour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), NudgeRetryPolicy.DelayAfter(attempts));

    [Fact]
    public void GivesUpAfterTheLastAttempt()
    {
        Assert.False(NudgeRetryPolicy.GivesUpAfter(NudgeRetryPolicy.MaxAttempts - 1));
        Assert.True(NudgeRetryPolicy.GivesUpAfter(NudgeRetryPolicy.MaxAttempts));
    }

    [Fact]
    public void AllRetriesFitInsideTheStalenessLimitSoNoRetryGoesOutAtTheWrongTimeOfDay()
    {
        var waited = Enumerable.Range(1, NudgeRetryPolicy.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (total, attempt) => total + NudgeRetryPolicy.DelayAfter(attempt));

        Assert.True(waited < NudgeClock.StalenessLimit, $"retries span {waited}");
    }
}

public class OnesNudgePreferences
{
    [Theory]
    [InlineData(NudgeKind.DailyQuestion)]
    [InlineData(NudgeKind.EveningGratitude)]
    [InlineData(NudgeKind.PartnerActivity)]
    [InlineData(NudgeKind.WeeklySummary)]
    public void TurnOffExactlyOneKindAndTurnItBackOn(NudgeKind kind)
    {
        var preferences = NudgePreferences.DefaultsFor("user-1");
        var others = Enum.GetValues<NudgeKind>().Where(other => other != kind).ToDictionary(other => other, preferences.IsOn);

        preferences.TurnOff(kind);

        Assert.False(preferences.IsOn(kind));
        Assert.All(others, other => Assert.Equal(other.Value, preferences.IsOn(other.Key)));

        preferences.TurnOn(kind);

        Assert.True(preferences.IsOn(kind));
        Assert.All(others, other => Assert.Equal(other.Value, preferences.IsOn(other.Key)));
    }

    [Fact]
    public void StartWithEveryReminderOnExceptTheWeeklySummaryWhichIsOptIn()
    {
        var preferences = NudgePreferences.DefaultsFor("user-1");

        Assert.True(preferences.IsOn(NudgeKind.DailyQuestion) && preferences.IsOn(NudgeKind.EveningGratitude) && preferences.IsOn(NudgeKind.PartnerActivity));
        Assert.False(preferences.IsOn(NudgeKind.WeeklySummary));
        Assert.False(preferences.ShareHighlightText);
        Assert.DoesNotContain(preferences.ScheduledKinds(), scheduled => scheduled.Kind == NudgeKind.WeeklySummary);

        preferences.ChangeWeeklySummary(on: true, shareHighlightText: false);

        Assert.Contains(preferences.ScheduledKinds(), scheduled => scheduled.Kind == NudgeKind.WeeklySummary && scheduled.At == NudgePreferences.WeeklySummaryAt);
    }

    [Fact]
    public void RefuseAKindThatDoesNotExist() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NudgePreferences.DefaultsFor("user-1").TurnOff((NudgeKind)42));
}

public class TheWeeklySummaryClock
{
    [Theory]
    [InlineData("Europe/London", "2026-11-25T12:00:00Z", "2026-11-29T19:00:00Z")]
    [InlineData("Europe/London", "2026-11-29T19:00:00Z", "2026-12-06T19:00:00Z")]
    [InlineData("America/New_York", "2026-10-27T12:00:00Z", "2026-11-01T19:00:00-05:00")]
    [InlineData("Pacific/Auckland", "2026-09-22T00:00:00Z", "2026-09-27T19:00:00+13:00")]
    public void FiresOnSundayEveningInThePersonsZoneAcrossDst(string zone, string after, string expected)
    {
        var due = NudgeClock.NextDueAfter(
            CoupleConnect.Domain.Common.TimeZoneId.Parse(zone),
            NudgePreferences.WeeklySummaryAt,
            DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture),
            NudgePreferences.WeekdayOf(NudgeKind.WeeklySummary));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }
}
