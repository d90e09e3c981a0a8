using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Tests.Reminders;

public class ADueReminder
{
    private static readonly DateTimeOffset Due = new(2026, 3, 8, 13, 0, 0, TimeSpan.Zero);

    private static ReminderFacts Sendable(ReminderKind kind = ReminderKind.DailyQuestion) =>
        new(kind, KindTurnedOn: true, EmailConfirmed: true, AddressBounced: false, Paired: true, AlreadyAnswered: false, Due, Due.AddMinutes(1));

    [Theory]
    [InlineData(ReminderKind.DailyQuestion)]
    [InlineData(ReminderKind.EveningGratitude)]
    [InlineData(ReminderKind.PartnerActivity)]
    public void GoesOutWhenNothingStandsInTheWay(ReminderKind kind) =>
        Assert.Null(ReminderRules.SkipReason(Sendable(kind)));

    [Fact]
    public void IsSkippedWhenTheKindIsTurnedOff() =>
        Assert.Equal(ReminderSkipReason.TurnedOff, ReminderRules.SkipReason(Sendable() with { KindTurnedOn = false }));

    [Fact]
    public void IsSkippedWhenTheEmailIsUnconfirmed() =>
        Assert.Equal(ReminderSkipReason.EmailUnconfirmed, ReminderRules.SkipReason(Sendable() with { EmailConfirmed = false }));

    [Fact]
    public void IsSkippedWhenTheAddressBounced() =>
        Assert.Equal(ReminderSkipReason.AddressBounced, ReminderRules.SkipReason(Sendable() with { AddressBounced = true }));

    [Fact]
    public void IsSkippedWhenThePersonIsNotPaired() =>
        Assert.Equal(ReminderSkipReason.NotPaired, ReminderRules.SkipReason(Sendable() with { Paired = false }));

    [Theory]
    [InlineData(ReminderKind.DailyQuestion)]
    [InlineData(ReminderKind.PartnerActivity)]
    public void AboutTheQuestionIsSkippedOnceThePersonAnswered(ReminderKind kind) =>
        Assert.Equal(ReminderSkipReason.AlreadyAnswered, ReminderRules.SkipReason(Sendable(kind) with { AlreadyAnswered = true }));

    [Fact]
    public void InTheEveningIsNotAboutTheQuestionSoAnsweringDoesNotSkipIt() =>
        Assert.Null(ReminderRules.SkipReason(Sendable(ReminderKind.EveningGratitude) with { AlreadyAnswered = true }));

    [Fact]
    public void ThreeHoursLateIsStillSent() =>
        Assert.Null(ReminderRules.SkipReason(Sendable() with { NowUtc = Due + ReminderClock.StalenessLimit }));

    [Fact]
    public void MoreThanThreeHoursLateIsDroppedAsStale() =>
        Assert.Equal(ReminderSkipReason.Stale, ReminderRules.SkipReason(Sendable() with { NowUtc = Due + ReminderClock.StalenessLimit + TimeSpan.FromSeconds(1) }));

    [Fact]
    public void TurnedOffWinsOverEveryOtherReason() =>
        Assert.Equal(ReminderSkipReason.TurnedOff, ReminderRules.SkipReason(new ReminderFacts(
            ReminderKind.DailyQuestion, false, false, true, false, true, Due, Due.AddDays(1))));
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
        Assert.Equal(TimeSpan.FromMinutes(minutes), ReminderRetryPolicy.DelayAfter(attempts));

    [Fact]
    public void GivesUpAfterTheLastAttempt()
    {
        Assert.False(ReminderRetryPolicy.GivesUpAfter(ReminderRetryPolicy.MaxAttempts - 1));
        Assert.True(ReminderRetryPolicy.GivesUpAfter(ReminderRetryPolicy.MaxAttempts));
    }

    [Fact]
    public void AllRetriesFitInsideTheStalenessLimitSoNoRetryGoesOutAtTheWrongTimeOfDay()
    {
        var waited = Enumerable.Range(1, ReminderRetryPolicy.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (total, attempt) => total + ReminderRetryPolicy.DelayAfter(attempt));

        Assert.True(waited < ReminderClock.StalenessLimit, $"retries span {waited}");
    }
}

public class OnesReminderPreferences
{
    [Theory]
    [InlineData(ReminderKind.DailyQuestion)]
    [InlineData(ReminderKind.EveningGratitude)]
    [InlineData(ReminderKind.PartnerActivity)]
    [InlineData(ReminderKind.WeeklySummary)]
    public void TurnOffExactlyOneKindAndTurnItBackOn(ReminderKind kind)
    {
        var preferences = ReminderPreferences.DefaultsFor("user-1");
        var others = Enum.GetValues<ReminderKind>().Where(other => other != kind).ToDictionary(other => other, preferences.IsOn);

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
        var preferences = ReminderPreferences.DefaultsFor("user-1");

        Assert.True(preferences.IsOn(ReminderKind.DailyQuestion) && preferences.IsOn(ReminderKind.EveningGratitude) && preferences.IsOn(ReminderKind.PartnerActivity));
        Assert.False(preferences.IsOn(ReminderKind.WeeklySummary));
        Assert.False(preferences.ShareHighlightText);
        Assert.DoesNotContain(preferences.ScheduledKinds(), scheduled => scheduled.Kind == ReminderKind.WeeklySummary);

        preferences.ChangeWeeklySummary(on: true, shareHighlightText: false);

        Assert.Contains(preferences.ScheduledKinds(), scheduled => scheduled.Kind == ReminderKind.WeeklySummary && scheduled.At == ReminderPreferences.WeeklySummaryAt);
    }

    [Fact]
    public void RefuseAKindThatDoesNotExist() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPreferences.DefaultsFor("user-1").TurnOff((ReminderKind)42));
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
        var due = ReminderClock.NextDueAfter(
            CoupleConnect.Domain.Common.TimeZoneId.Parse(zone),
            ReminderPreferences.WeeklySummaryAt,
            DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture),
            ReminderPreferences.WeekdayOf(ReminderKind.WeeklySummary));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }
}
