using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>
/// Drains the outbox (ADR 0011): claims a batch of due rows under a short lease (FOR UPDATE SKIP LOCKED, so two
/// instances never take the same row) from <see cref="NudgeOutboxStore"/>, has each kind's owner check the skip rules
/// again (<see cref="IReminderSendCheck"/>), composes each email from facts (<see cref="NudgeEmails"/>), sends the batch
/// over one SMTP connection, and marks each row right after the server took it, so a crash can repeat at most the one
/// message in flight.
/// </summary>
public sealed class NudgeSender(
    NudgeOutboxStore outbox,
    IDbContextFactory<AppDbContext> dbFactory,
    IMailBatchSender mail,
    IEnumerable<IReminderSendCheck> checks,
    UnsubscribeTokens unsubscribeTokens,
    AppLinks links,
    TimeProvider timeProvider,
    IOptions<NudgeOptions> options,
    IOptions<EmailOptions> emailOptions,
    ILogger<NudgeSender> logger)
{
    public async Task<NudgeSendResult> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var total = new NudgeSendResult(0, 0, 0, 0);
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
            logger.LogInformation("Nudge sender: {Sent} sent, {Skipped} skipped, {Retrying} to retry, {Failed} failed", total.Sent, total.Skipped, total.Retrying, total.Failed);
        }

        return total;
    }

    private async Task<(NudgeSendResult Result, bool ServerReachable)> SendBatchAsync(List<ClaimedNudge> claimed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipients = await NudgeRecipients.LoadAsync(db, claimed.Select(nudge => nudge.UserId).Distinct().ToList(), cancellationToken);
        var outcome = new BatchOutcome();
        var toSend = new List<(ClaimedNudge Nudge, EmailMessage Message)>();
        foreach (var nudge in claimed)
        {
            if (!recipients.TryGetValue(nudge.UserId, out var recipient))
            {
                // The account was deleted since the claim; its outbox rows went with it.
                continue;
            }

            var (skip, message) = await PrepareAsync(db, nudge, recipient, cancellationToken);
            if (skip is { } reason)
            {
                await outbox.MarkSkippedAsync(db, nudge, reason, cancellationToken);
                outcome.Skipped++;
            }
            else
            {
                toSend.Add((nudge, message!));
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
            logger.LogWarning(unreachable, "Mail server unreachable; {Count} nudges wait for the next run", toSend.Count);
            await outbox.ReleaseAsync(db, toSend.Select(item => item.Nudge).ToList(), unreachable.Message, cancellationToken);
            outcome.Retrying += toSend.Count;
            return (outcome.ToResult(), false);
        }

        await using (session)
        {
            for (var index = 0; index < toSend.Count; index++)
            {
                var (nudge, message) = toSend[index];
                if (!await outbox.RenewLeaseAsync(db, nudge, cancellationToken))
                {
                    // A slow batch outlived its lease and another sender took this row: it is theirs to send now.
                    continue;
                }

                var sent = await session.SendAsync(message, cancellationToken);
                if (sent.Outcome == MailSendOutcome.ConnectionLost)
                {
                    logger.LogWarning("Mail connection lost ({Error}); {Count} nudges wait for the next run", sent.Error, toSend.Count - index);
                    await outbox.ReleaseAsync(db, toSend.Skip(index).Select(item => item.Nudge).ToList(), sent.Error, cancellationToken);
                    outcome.Retrying += toSend.Count - index;
                    return (outcome.ToResult(), false);
                }

                await RecordAsync(db, nudge, sent, outcome, cancellationToken);
            }
        }

        return (outcome.ToResult(), true);
    }

    /// <summary>The kind's owner checks the skip rules once more (things change between dispatch and send) and gives the facts; the composer writes the email.</summary>
    private async Task<(NudgeSkipReason? Skip, EmailMessage? Message)> PrepareAsync(AppDbContext db, ClaimedNudge nudge, NudgeRecipient recipient, CancellationToken cancellationToken)
    {
        var check = await checks.First(owner => owner.Owns(nudge.Kind)).CheckAsync(db, nudge, recipient, timeProvider.GetUtcNow(), cancellationToken);
        if (check.Skip is { } skip)
        {
            return (skip, null);
        }

        var couple = recipient.Couple!;
        var token = unsubscribeTokens.Create(recipient.UserId, couple.CoupleId, nudge.Kind, nudge.RitualId);
        var message = NudgeEmails.Compose(new NudgeEmailFacts(nudge.Id, nudge.Kind, recipient.Email, recipient.DisplayName, couple.PartnerName, links.BaseUri, token, emailOptions.Value.FromAddress)
        {
            Question = check.Question,
            SummaryParagraphs = check.SummaryParagraphs,
            Ritual = check.Ritual,
        });
        return (null, message);
    }

    private async Task RecordAsync(AppDbContext db, ClaimedNudge nudge, MailSendResult sent, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        switch (await outbox.RecordAsync(db, nudge, sent, cancellationToken))
        {
            case NudgeDelivery.Sent:
                outcome.Sent++;
                break;
            case NudgeDelivery.Retrying:
                outcome.Retrying++;
                break;
            default:
                outcome.Failed++;
                if (sent.Outcome == MailSendOutcome.RecipientRejected)
                {
                    logger.LogWarning("The mail server refused a user's address for good; their nudges stop until they fix it");
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

        public NudgeSendResult ToResult() => new(Sent, Skipped, Retrying, Failed);
    }
}

public sealed record NudgeSendResult(int Sent, int Skipped, int Retrying, int Failed)
{
    public static NudgeSendResult operator +(NudgeSendResult left, NudgeSendResult right) =>
        new(left.Sent + right.Sent, left.Skipped + right.Skipped, left.Retrying + right.Retrying, left.Failed + right.Failed);
}
