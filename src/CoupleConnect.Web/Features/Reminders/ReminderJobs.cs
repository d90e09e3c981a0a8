using Hangfire;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// Every minute: dispatch what is due, then hand any new mail to the sender at once. One recurring job for everyone,
/// never one per person. No Hangfire retries: the next minute's run is the retry, and the outbox keeps it exactly-once.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DispatchRemindersJob(ReminderDispatcher dispatcher, IBackgroundJobClient jobs)
{
    public const string RecurringJobId = "reminders:dispatch";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await dispatcher.DispatchDueAsync(cancellationToken);
        if (result.Pending > 0)
        {
            jobs.Enqueue<SendRemindersJob>(job => job.RunAsync(CancellationToken.None));
        }
    }
}

/// <summary>Every minute (and right after a dispatch): drain the outbox. Safe to run on several instances at once.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SendRemindersJob(ReminderSender sender)
{
    public const string RecurringJobId = "reminders:send";

    public Task RunAsync(CancellationToken cancellationToken) => sender.SendDueAsync(cancellationToken);
}

/// <summary>Daily: forget finished outbox rows after the retention period (they hold no text, only what happened).</summary>
public sealed class PurgeReminderOutboxJob(ReminderOutboxStore outbox, TimeProvider timeProvider, IOptions<ReminderOptions> options)
{
    public const string RecurringJobId = "reminders:purge-outbox";

    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        outbox.PurgeFinishedBeforeAsync(timeProvider.GetUtcNow().AddDays(-options.Value.OutboxRetentionDays), cancellationToken);
}
