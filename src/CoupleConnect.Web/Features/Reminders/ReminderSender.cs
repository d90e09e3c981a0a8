using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders.Push;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// Drains the outbox (ADR 0011): claims a batch of due rows under a short lease (FOR UPDATE SKIP LOCKED, so two
/// instances never take the same row) from <see cref="ReminderOutboxStore"/>, has each kind's owner check the skip rules
/// again (<see cref="IReminderSendCheck"/>), composes each email from facts (<see cref="ReminderEmails"/>), sends the batch
/// over one SMTP connection, and marks each row right after the server took it, so a crash can repeat at most the one
/// message in flight. Rows for the notification channel go to <see cref="PushReminderSender"/> under the same rules.
/// </summary>
public sealed class ReminderSender(
    ReminderOutboxStore outbox,
    IDbContextFactory<AppDbContext> dbFactory,
    IMailBatchSender mail,
    IEnumerable<IReminderSendCheck> checks,
    PushReminderSender push,
    UnsubscribeTokens unsubscribeTokens,
    AppLinks links,
    TimeProvider timeProvider,
    IOptions<ReminderOptions> options,
    IOptions<EmailOptions> emailOptions,
    ILogger<ReminderSender> logger)
{
    public async Task<ReminderSendResult> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var total = new ReminderSendResult(0, 0, 0, 0);
        while (true)
        {
            var claimed = await outbox.ClaimDueAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            var (batch, serverReachable) = await SendBatchAsync(claimed, cancellationToken);
            total += batch;
            if (!serverReachable || claimed.Count < options.Value.SendBatchSize)
            {
                break;
            }
        }

        if (total.Sent + total.Failed + total.Retrying > 0)
        {
            logger.LogInformation("Reminder sender: {Sent} sent, {Skipped} skipped, {Retrying} to retry, {Failed} failed", total.Sent, total.Skipped, total.Retrying, total.Failed);
        }

        return total;
    }

    private async Task<(ReminderSendResult Result, bool ServerReachable)> SendBatchAsync(List<ClaimedReminder> claimed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipients = await ReminderRecipients.LoadAsync(db, claimed.Select(reminder => reminder.UserId).Distinct().ToList(), cancellationToken);
        var outcome = new BatchOutcome();
        outcome.Add(await push.SendAsync(db, claimed.Where(reminder => reminder.Channel == ReminderChannel.Push).ToList(), recipients, cancellationToken));
        var toSend = new List<(ClaimedReminder Reminder, EmailMessage Message)>();
        foreach (var reminder in claimed.Where(reminder => reminder.Channel == ReminderChannel.Email))
        {
            if (!recipients.TryGetValue(reminder.UserId, out var recipient))
            {
                // The account was deleted since the claim; its outbox rows went with it.
                continue;
            }

            var (skip, message) = await PrepareAsync(db, reminder, recipient, cancellationToken);
            if (skip is { } reason)
            {
                await outbox.MarkSkippedAsync(db, reminder, reason, cancellationToken);
                outcome.Skipped++;
            }
            else
            {
                toSend.Add((reminder, message!));
            }
        }

        if (toSend.Count == 0)
        {
            return (outcome.ToResult(), true);
        }

        IMailSession session;
        try
        {
            session = await mail.OpenAsync(cancellationToken);
        }
        catch (MailConnectionException unreachable)
        {
            logger.LogWarning(unreachable, "Mail server unreachable; {Count} reminders wait for the next run", toSend.Count);
            await outbox.ReleaseAsync(db, toSend.Select(item => item.Reminder).ToList(), unreachable.Message, cancellationToken);
            outcome.Retrying += toSend.Count;
            return (outcome.ToResult(), false);
        }

        await using (session)
        {
            for (var index = 0; index < toSend.Count; index++)
            {
                var (reminder, message) = toSend[index];
                if (!await outbox.RenewLeaseAsync(db, reminder, cancellationToken))
                {
                    // A slow batch outlived its lease and another sender took this row: it is theirs to send now.
                    continue;
                }

                var sent = await session.SendAsync(message, cancellationToken);
                if (sent.Outcome == MailSendOutcome.ConnectionLost)
                {
                    logger.LogWarning("Mail connection lost ({Error}); {Count} reminders wait for the next run", sent.Error, toSend.Count - index);
                    await outbox.ReleaseAsync(db, toSend.Skip(index).Select(item => item.Reminder).ToList(), sent.Error, cancellationToken);
                    outcome.Retrying += toSend.Count - index;
                    return (outcome.ToResult(), false);
                }

                await RecordAsync(db, reminder, sent, outcome, cancellationToken);
            }
        }

        return (outcome.ToResult(), true);
    }

    /// <summary>The kind's owner checks the skip rules once more (things change between dispatch and send) and gives the facts; the composer writes the email.</summary>
    private async Task<(ReminderSkipReason? Skip, EmailMessage? Message)> PrepareAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        var check = await checks.First(owner => owner.Owns(reminder.Kind)).CheckAsync(db, reminder, recipient, timeProvider.GetUtcNow(), cancellationToken);
        if (check.Skip is { } skip)
        {
            return (skip, null);
        }

        // Every kind but the couple-ended notice is about the recipient's active couple.
        var couple = recipient.Couple;
        // Only ritual reminders are unsubscribed per subject; a time-out's or a talk's id names no switch of its own.
        var token = unsubscribeTokens.Create(recipient.UserId, couple?.CoupleId, reminder.Kind, UnsubscribeTokens.IsPerRitual(reminder.Kind) ? reminder.SubjectId : null);
        var partnerName = check.CoupleEnded?.FormerPartnerName ?? couple?.PartnerName ?? string.Empty;
        var message = ReminderEmails.Compose(new ReminderEmailFacts(reminder.Id, reminder.Kind, recipient.Email, recipient.DisplayName, partnerName, links.BaseUri, token, emailOptions.Value.FromAddress)
        {
            CoupleEnded = check.CoupleEnded,
            Question = check.Question,
            SummaryParagraphs = check.SummaryParagraphs,
            Ritual = check.Ritual,
            Talk = check.Talk,
            TimeOut = check.TimeOut,
            Discreet = recipient.DiscreetEmails,
        });
        return (null, message);
    }

    private async Task RecordAsync(AppDbContext db, ClaimedReminder reminder, MailSendResult sent, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        switch (await outbox.RecordAsync(db, reminder, sent, cancellationToken))
        {
            case ReminderDelivery.Sent:
                outcome.Sent++;
                break;
            case ReminderDelivery.Retrying:
                outcome.Retrying++;
                break;
            default:
                outcome.Failed++;
                if (sent.Outcome == MailSendOutcome.RecipientRejected)
                {
                    logger.LogWarning("The mail server refused a user's address for good; their reminders stop until they fix it");
                }

                break;
        }
    }

    private sealed class BatchOutcome
    {
        public int Sent { get; set; }

        public int Skipped { get; set; }

        public int Retrying { get; set; }

        public int Failed { get; set; }

        public ReminderSendResult ToResult() => new(Sent, Skipped, Retrying, Failed);

        public void Add(ReminderSendResult result)
        {
            Sent += result.Sent;
            Skipped += result.Skipped;
            Retrying += result.Retrying;
            Failed += result.Failed;
        }
    }
}

public sealed record ReminderSendResult(int Sent, int Skipped, int Retrying, int Failed)
{
    public static ReminderSendResult operator +(ReminderSendResult left, ReminderSendResult right) =>
        new(left.Sent + right.Sent, left.Skipped + right.Skipped, left.Retrying + right.Retrying, left.Failed + right.Failed);
}
