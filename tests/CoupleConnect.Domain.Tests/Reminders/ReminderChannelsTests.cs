using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Tests.Reminders;

public class AReminderOnItsChannels
{
    private static readonly DateTimeOffset Due = new(2026, 3, 8, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GoesByEmailWhenThePersonNeverChose() =>
        Assert.Equal([ReminderChannel.Email], ReminderTopics.ChannelsFor(ReminderKind.DailyQuestion, chosen: null, hasPushDevice: true));

    [Fact]
    public void GoesBothWaysWhenBothWereChosen() =>
        Assert.Equal([ReminderChannel.Email, ReminderChannel.Push], ReminderTopics.ChannelsFor(ReminderKind.EveningGratitude, ReminderChannels.Both, hasPushDevice: true));

    [Fact]
    public void GoesOnlyAsANotificationWhenThatAloneWasChosen() =>
        Assert.Equal([ReminderChannel.Push], ReminderTopics.ChannelsFor(ReminderKind.TimeOutNotice, ReminderChannels.Push, hasPushDevice: true));

    [Theory]
    [InlineData(ReminderChannels.Push)]
    [InlineData(ReminderChannels.Both)]
    public void GoesByEmailInsteadWhenNoDeviceCanTakeANotification(ReminderChannels chosen) =>
        Assert.Equal([ReminderChannel.Email], ReminderTopics.ChannelsFor(ReminderKind.RitualReminder, chosen, hasPushDevice: false));

    [Fact]
    public void TheCoupleEndedNoticeIsAlwaysAnEmailWhateverWasChosen() =>
        Assert.Equal([ReminderChannel.Email], ReminderTopics.ChannelsFor(ReminderKind.PartnerLeft, ReminderChannels.Push, hasPushDevice: true));

    [Fact]
    public void EveryKindButTheCoupleEndedNoticeHasATopicToChooseFor()
    {
        var withoutTopic = Enum.GetValues<ReminderKind>().Where(kind => ReminderTopics.Of(kind) is null);
        Assert.Equal([ReminderKind.PartnerLeft], withoutTopic);
    }

    [Theory]
    [InlineData(ReminderSkipReason.EmailUnconfirmed)]
    [InlineData(ReminderSkipReason.AddressBounced)]
    public void WhatStopsTheEmailDoesNotStopTheNotification(ReminderSkipReason reason)
    {
        Assert.Equal(reason, ReminderRules.ForChannel(reason, ReminderChannel.Email));
        Assert.Null(ReminderRules.ForChannel(reason, ReminderChannel.Push));
    }

    [Theory]
    [InlineData(ReminderSkipReason.TurnedOff)]
    [InlineData(ReminderSkipReason.NotPaired)]
    [InlineData(ReminderSkipReason.Stale)]
    [InlineData(ReminderSkipReason.AlreadyAnswered)]
    [InlineData(ReminderSkipReason.PartnerIsPrivate)]
    public void EveryOtherReasonStopsBoth(ReminderSkipReason reason) =>
        Assert.Equal(reason, ReminderRules.ForChannel(reason, ReminderChannel.Push));

    [Fact]
    public void AnUnconfirmedAddressIsCheckedOnlyAfterEverythingThatStopsBothChannels()
    {
        // Answered already and unconfirmed: the reason must be the answer, or the notification would go out.
        var facts = new ReminderFacts(ReminderKind.DailyQuestion, KindTurnedOn: true, EmailConfirmed: false, AddressBounced: true, Paired: true, AlreadyAnswered: true, Due, Due.AddMinutes(1));
        Assert.Equal(ReminderSkipReason.AlreadyAnswered, ReminderRules.SkipReason(facts));
        Assert.Equal(ReminderSkipReason.Stale, ReminderRules.SkipReason(facts with { AlreadyAnswered = false, NowUtc = Due.AddHours(4) }));
        Assert.Equal(ReminderSkipReason.EmailUnconfirmed, ReminderRules.SkipReason(facts with { AlreadyAnswered = false }));
    }
}

public class APushDevice
{
    private const string Endpoint = "https://fcm.googleapis.com/fcm/send/abc123";
    private static readonly string P256dh = Base64Url(new byte[65]);
    private static readonly string Auth = Base64Url(new byte[16]);

    [Fact]
    public void TakesABrowsersSubscription() => Assert.Null(PushDevice.ProblemWith(Endpoint, P256dh, Auth));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    public void RefusesAnEndpointThatIsNoAddress(string? endpoint) =>
        Assert.Equal("This browser gave an address for notifications that we can't use.", PushDevice.ProblemWith(endpoint, P256dh, Auth));

    [Fact]
    public void RefusesAnOverLongEndpoint() =>
        Assert.NotNull(PushDevice.ProblemWith("https://fcm.googleapis.com/" + new string('a', PushDevice.MaxEndpointLength), P256dh, Auth));

    [Theory]
    [InlineData(64, 16)]
    [InlineData(65, 15)]
    [InlineData(0, 16)]
    public void RefusesKeysOfTheWrongSize(int keyBytes, int authBytes) =>
        Assert.Equal("This browser gave notification keys that we can't use.", PushDevice.ProblemWith(Endpoint, Base64Url(new byte[keyBytes]), Base64Url(new byte[authBytes])));

    [Theory]
    [InlineData("<script>")]
    [InlineData("abc=")]
    [InlineData("a+b/")]
    public void RefusesKeysThatAreNotBase64Url(string auth) => Assert.NotNull(PushDevice.ProblemWith(Endpoint, P256dh, auth));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public class APushDeviceName
{
    [Theory]
    [InlineData("", "Please give this device a name, such as \"My phone\".")]
    [InlineData("   ", "Please give this device a name, such as \"My phone\".")]
    [InlineData("My <b>phone</b>", "A device name can't contain < or >.")]
    [InlineData("My\nphone", "A device name can't contain line breaks, control or invisible characters.")]
    public void RefusesANameNobodyCouldReadWithAClearReason(string name, string problem)
    {
        Assert.False(PushDeviceName.TryParse(name, out _, out var said));
        Assert.Equal(problem, said);
    }

    [Fact]
    public void RefusesAnOverLongNameSayingHowLongItIs()
    {
        Assert.False(PushDeviceName.TryParse(new string('a', 41), out _, out var said));
        Assert.Equal("Please keep the name to 40 characters or fewer (this one has 41).", said);
    }

    [Fact]
    public void KeepsAGoodNameTrimmed()
    {
        Assert.True(PushDeviceName.TryParse("  Sam's phone ", out var name, out _));
        Assert.Equal("Sam's phone", name!.Value);
    }
}
