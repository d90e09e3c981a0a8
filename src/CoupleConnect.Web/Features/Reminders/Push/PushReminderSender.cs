using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using Lib.Net.Http.WebPush;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>
/// The push half of the sender (docs/adr/0044): the same claimed rows, leases and marks as email
/// (<see cref="ReminderOutboxStore"/>), the same send-time checks, then one notification to each of the person's
/// devices. The row is marked right after the push services answered, so a crash repeats at most the row in flight.
/// </summary>
public sealed class PushReminderSender(
    ReminderOutboxStore outbox,
    IEnumerable<IReminderSendCheck> checks,
    IPushGateway gateway,
    TimeProvider timeProvider,
    ILogger<PushReminderSender> logger)
{
    public async Task<ReminderSendResult> SendAsync(AppDbContext db, IReadOnlyList<ClaimedReminder> claimed, IReadOnlyDictionary<string, ReminderRecipient> recipients, CancellationToken cancellationToken)
    {
        var total = new ReminderSendResult(0, 0, 0, 0);
        if (claimed.Count == 0)
        {
            return total;
        }

        var userIds = claimed.Select(reminder => reminder.UserId).Distinct().ToList();
        var devices = (await PushDeviceQueries.Live(db).AsNoTracking().Where(device => userIds.Contains(device.UserId)).ToListAsync(cancellationToken))
            .ToLookup(device => device.UserId);
        foreach (var reminder in claimed)
        {
            if (recipients.TryGetValue(reminder.UserId, out var recipient))
            {
                total += await SendOneAsync(db, reminder, recipient, devices[reminder.UserId].ToList(), cancellationToken);
            }
        }

        return total;
    }

    private async Task<ReminderSendResult> SendOneAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, List<PushDevice> devices, CancellationToken cancellationToken)
    {
        // The address's state (unconfirmed, bounced) stops emails, not notifications to a device the person signed in on.
        var asPushRecipient = recipient with { EmailConfirmed = true, AddressBounced = false };
        var check = await checks.First(owner => owner.Owns(reminder.Kind)).CheckAsync(db, reminder, asPushRecipient, timeProvider.GetUtcNow(), cancellationToken);
        if (check.Skip is { } skip)
        {
            await outbox.MarkSkippedAsync(db, reminder, skip, cancellationToken);
            return new ReminderSendResult(0, 1, 0, 0);
        }

        if (devices.Count == 0)
        {
            return await InsteadByEmailAsync(db, reminder, cancellationToken);
        }

        if (!await outbox.RenewLeaseAsync(db, reminder, cancellationToken))
        {
            // Another sender took the row after this one's lease ran out: it is theirs to send now.
            return new ReminderSendResult(0, 0, 0, 0);
        }

        var notification = ReminderPushes.Compose(reminder.Kind, check, recipient.DiscreetEmails);
        var urgency = reminder.Kind == ReminderKind.TimeOutNotice ? PushMessageUrgency.High : PushMessageUrgency.Normal;
        var results = await Task.WhenAll(devices.Select(async device => (Device: device, Result: await gateway.SendAsync(device, notification, urgency, cancellationToken))));
        await ForgetGoneDevicesAsync(db, results.Where(sent => sent.Result.Outcome == PushOutcome.Gone).Select(sent => sent.Device.Id).ToList(), cancellationToken);

        var delivered = results.Where(sent => sent.Result.Outcome == PushOutcome.Delivered).Select(sent => sent.Device.Id).ToList();
        if (delivered.Count > 0)
        {
            // Reached at least one device: done. A device that failed for now is not retried alone, so the others never get it twice.
            var now = timeProvider.GetUtcNow();
            await db.PushDevices.Where(device => delivered.Contains(device.Id)).ExecuteUpdateAsync(set => set.SetProperty(device => device.LastDeliveredUtc, now), cancellationToken);
            return await RecordAsync(db, reminder, MailSendResult.Delivered, cancellationToken);
        }

        if (results.All(sent => sent.Result.Outcome == PushOutcome.Gone))
        {
            return await InsteadByEmailAsync(db, reminder, cancellationToken);
        }

        var error = string.Join("; ", results.Select(sent => sent.Result.Error).Where(text => text is not null).Distinct());
        var temporary = results.Any(sent => sent.Result.Outcome == PushOutcome.TemporaryFailure);
        logger.LogWarning("Push services did not take a reminder ({Outcome}): {Error}", temporary ? "will retry" : "refused", error);
        return await RecordAsync(db, reminder, new MailSendResult(temporary ? MailSendOutcome.TemporaryFailure : MailSendOutcome.MessageRejected, error), cancellationToken);
    }

    /// <summary>No device takes notifications any more: the reminder goes by email instead, once (the email row's key holds).</summary>
    private async Task<ReminderSendResult> InsteadByEmailAsync(AppDbContext db, ClaimedReminder reminder, CancellationToken cancellationToken)
    {
        await outbox.MarkSkippedAsync(db, reminder, ReminderSkipReason.NoPushDevice, cancellationToken);
        await outbox.QueueAsync([new ReminderOutboxWrite(reminder.UserId, reminder.Kind, reminder.LocalDate, reminder.SubjectId, reminder.DueUtc, null)], cancellationToken);
        return new ReminderSendResult(0, 1, 0, 0);
    }

    private static async Task ForgetGoneDevicesAsync(AppDbContext db, List<Guid> gone, CancellationToken cancellationToken)
    {
        if (gone.Count > 0)
        {
            await db.PushDevices.Where(device => gone.Contains(device.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<ReminderSendResult> RecordAsync(AppDbContext db, ClaimedReminder reminder, MailSendResult sent, CancellationToken cancellationToken) =>
        await outbox.RecordAsync(db, reminder, sent, cancellationToken) switch
        {
            ReminderDelivery.Sent => new ReminderSendResult(1, 0, 0, 0),
            ReminderDelivery.Retrying => new ReminderSendResult(0, 0, 1, 0),
            _ => new ReminderSendResult(0, 0, 0, 1),
        };
}
