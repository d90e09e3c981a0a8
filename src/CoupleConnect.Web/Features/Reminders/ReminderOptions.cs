namespace CoupleConnect.Web.Features.Reminders;

public sealed class ReminderOptions
{
    public const string SectionName = "CoupleConnect:Reminders";

    /// <summary>The section's name before the rename (ADR 0026); still read, so older settings keep working.</summary>
    public const string FormerSectionName = "CoupleConnect:Nudges";

    /// <summary>
    /// The dispatch and send jobs' cron (default every minute). A six-field cron has seconds ("*/5 * * * * *"); it needs
    /// <c>CoupleConnect:Jobs:PollIntervalSeconds</c> below it, or Hangfire looks only every 15 s.
    /// </summary>
    public const string JobsCronKey = SectionName + ":JobsCron";

    /// <summary>Schedule rows claimed per dispatcher transaction.</summary>
    public int DispatchBatchSize { get; set; } = 5000;

    /// <summary>Batches one dispatch works on at a time, each in its own transaction on its own connection.</summary>
    public int DispatchConcurrency { get; set; } = 2;

    /// <summary>Messages sent over one SMTP connection before the sender claims the next batch.</summary>
    public int SendBatchSize { get; set; } = 200;

    /// <summary>How long a sender may hold claimed rows before another instance may take them (a crashed sender's lease).</summary>
    public int SendLeaseSeconds { get; set; } = 300;

    /// <summary>Sent, skipped and failed outbox rows are deleted after this many days.</summary>
    public int OutboxRetentionDays { get; set; } = 60;

    /// <summary>"Your turn" waits this long after the partner answered, so answering together sends nothing.</summary>
    public int PartnerActivityDelaySeconds { get; set; } = 120;

    /// <summary>Unsubscribe links in emails work this long.</summary>
    public int UnsubscribeLinkDays { get; set; } = 90;
}
