namespace CoupleConnect.Domain.Reminders;

/// <summary>How one reminder reaches a person: an email, or a notification on their phones (Web Push, docs/adr/0044).</summary>
public enum ReminderChannel
{
    Email,
    Push,
}

/// <summary>The channels a person chose for one topic. No choice saved means email, as before push existed.</summary>
[Flags]
public enum ReminderChannels
{
    Email = 1,
    Push = 2,
    Both = Email | Push,
}

/// <summary>
/// The reminders as a person sees them in their settings, each with its own channel choice. Several kinds share a topic
/// (a time-out's notice and its return reminders); the couple-ended notice has none: it always goes by email, since a
/// lock screen is the wrong place to learn a relationship ended.
/// </summary>
public enum ReminderTopic
{
    DailyQuestion,
    EveningGratitude,
    PartnerActivity,
    WeeklySummary,
    WeeklyTemperature,
    Rituals,
    Talks,
    TimeOuts,
}

public static class ReminderTopics
{
    /// <summary>In the order the settings list them.</summary>
    public static IReadOnlyList<ReminderTopic> All { get; } = Enum.GetValues<ReminderTopic>();

    /// <summary>The topic whose channel choice applies to <paramref name="kind"/>; null for kinds that only ever email.</summary>
    public static ReminderTopic? Of(ReminderKind kind) => kind switch
    {
        ReminderKind.DailyQuestion => ReminderTopic.DailyQuestion,
        ReminderKind.EveningGratitude => ReminderTopic.EveningGratitude,
        ReminderKind.PartnerActivity => ReminderTopic.PartnerActivity,
        ReminderKind.WeeklySummary => ReminderTopic.WeeklySummary,
        ReminderKind.WeeklyTemperature => ReminderTopic.WeeklyTemperature,
        ReminderKind.RitualReminder or ReminderKind.RitualDayBefore => ReminderTopic.Rituals,
        ReminderKind.TalkComingUp => ReminderTopic.Talks,
        ReminderKind.TimeOutNotice or ReminderKind.TimeOutReturn or ReminderKind.TimeOutReturnExtended => ReminderTopic.TimeOuts,
        _ => null,
    };

    /// <summary>
    /// The rows one reminder becomes: one per chosen channel. Push needs a device that can receive it; a person who chose
    /// push alone but has none left gets the email instead, so removing the last phone never silences reminders.
    /// </summary>
    public static IReadOnlyList<ReminderChannel> ChannelsFor(ReminderKind kind, ReminderChannels? chosen, bool hasPushDevice)
    {
        var choice = Of(kind) is null ? ReminderChannels.Email : chosen ?? ReminderChannels.Email;
        var push = choice.HasFlag(ReminderChannels.Push) && hasPushDevice;
        var email = choice.HasFlag(ReminderChannels.Email) || !push;
        return (email, push) switch
        {
            (true, true) => [ReminderChannel.Email, ReminderChannel.Push],
            (false, true) => [ReminderChannel.Push],
            _ => [ReminderChannel.Email],
        };
    }
}

/// <summary>One person's channel choice for one topic (no row: they never chose, and it goes by email).</summary>
public sealed class ReminderChannelChoice
{
    private ReminderChannelChoice()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public ReminderTopic Topic { get; private set; }

    public ReminderChannels Channels { get; private set; }

    public static ReminderChannelChoice For(string userId, ReminderTopic topic, ReminderChannels channels) => new() { UserId = userId, Topic = topic, Channels = channels };

    public void Change(ReminderChannels channels) => Channels = channels;
}
