using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Nudges;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>
/// Drains the outbox (ADR 0011): claims a batch of due rows under a short lease (FOR UPDATE SKIP LOCKED, so two
/// instances never take the same row), checks the skip rules again, sends the batch over one SMTP connection, and
/// marks each row right after the server took it, so a crash can repeat at most the one message in flight.
/// </summary>
public sealed class NudgeSender(
    NpgsqlDataSource dataSource,
    IDbContextFactory<AppDbContext> dbFactory,
    IMailBatchSender mail,
    IDailyQuestionSource questions,
    UnsubscribeTokens unsubscribeTokens,
    AppLinks links,
    TimeProvider timeProvider,
    IOptions<NudgeOptions> options,
    IOptions<EmailOptions> emailOptions,
    ILogger<NudgeSender> logger)
{
    private const string ClaimSql = """
        UPDATE nudge_outbox o SET next_attempt_utc = @lease_until
        WHERE o.id IN (
            SELECT id FROM nudge_outbox
            WHERE status = 'Pending' AND next_attempt_utc <= @now
            ORDER BY next_attempt_utc
            LIMIT @batch
            FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.user_id, o.kind, o.due_utc, o.attempts, o.next_attempt_utc, o.local_date, o.ritual_id
        """;

    /// <summary>After the server was unreachable, the claimed rows wait this long (not counted as attempts).</summary>
    private static readonly TimeSpan UnreachableRetryDelay = TimeSpan.FromMinutes(1);

    public async Task<NudgeSendResult> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var total = new NudgeSendResult(0, 0, 0, 0);
        while (true)
        {
            var claimed = await ClaimAsync(cancellationToken);
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

    private async Task<List<ClaimedNudge>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", now.AddSeconds(options.Value.SendLeaseSeconds));
        command.Parameters.AddWithValue("batch", options.Value.SendBatchSize);
        var claimed = new List<ClaimedNudge>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedNudge(reader.GetInt64(0), reader.GetString(1), Enum.Parse<NudgeKind>(reader.GetString(2)), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4))
            {
                Lease = reader.GetFieldValue<DateTimeOffset>(5),
                LocalDate = reader.GetFieldValue<DateOnly>(6),
                RitualId = reader.IsDBNull(7) ? null : reader.GetGuid(7),
            });
        }

        return claimed;
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
                await MarkSkippedAsync(db, nudge, reason, cancellationToken);
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
            await ReleaseAsync(db, toSend.Select(item => item.Nudge).ToList(), unreachable.Message, cancellationToken);
            outcome.Retrying += toSend.Count;
            return (outcome.ToResult(), false);
        }

        await using (session)
        {
            for (var index = 0; index < toSend.Count; index++)
            {
                var (nudge, message) = toSend[index];
                if (!await RenewLeaseAsync(db, nudge, cancellationToken))
                {
                    // A slow batch outlived its lease and another sender took this row: it is theirs to send now.
                    continue;
                }

                var sent = await session.SendAsync(message, cancellationToken);
                if (sent.Outcome == MailSendOutcome.ConnectionLost)
                {
                    logger.LogWarning("Mail connection lost ({Error}); {Count} nudges wait for the next run", sent.Error, toSend.Count - index);
                    await ReleaseAsync(db, toSend.Skip(index).Select(item => item.Nudge).ToList(), sent.Error, cancellationToken);
                    outcome.Retrying += toSend.Count - index;
                    return (outcome.ToResult(), false);
                }

                await RecordAsync(db, nudge, sent, outcome, cancellationToken);
            }
        }

        return (outcome.ToResult(), true);
    }

    /// <summary>The skip rules once more (things change between dispatch and send), then the email itself.</summary>
    private async Task<(NudgeSkipReason? Skip, EmailMessage? Message)> PrepareAsync(AppDbContext db, ClaimedNudge nudge, NudgeRecipient recipient, CancellationToken cancellationToken)
    {
        if (nudge.RitualId is { } ritualId)
        {
            return await PrepareRitualReminderAsync(db, nudge, ritualId, recipient, cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        DailyQuestion? question = null;
        if (recipient.Couple is { } couple && nudge.Kind is NudgeKind.DailyQuestion or NudgeKind.PartnerActivity)
        {
            var today = couple.HomeZone.LocalDate(now);
            question = await questions.GetOrCreateAsync(db, couple.CoupleId, today, couple.HomeZone.LocalDate(couple.CreatedAt), cancellationToken);
        }

        var thankedToday = nudge.Kind == NudgeKind.EveningGratitude && recipient.Couple is { } thanking
            && await ThankedTonightAsync(db, recipient, thanking, nudge.DueUtc, now, cancellationToken);
        var facts = new NudgeFacts(
            nudge.Kind,
            recipient.Preferences.IsOn(nudge.Kind),
            recipient.EmailConfirmed,
            recipient.AddressBounced,
            recipient.Couple is not null,
            question?.AnswerBy(recipient.UserId) is not null,
            nudge.DueUtc,
            now)
        {
            AlreadyThanked = thankedToday,
        };
        if (NudgeRules.SkipReason(facts) is { } skip)
        {
            return (skip, null);
        }

        IReadOnlyList<string>? summary = null;
        if (nudge.Kind == NudgeKind.WeeklySummary)
        {
            var week = await WeeklySummaries.ForWeekOfAsync(db, recipient.Couple!, recipient.UserId, recipient.Couple!.HomeZone.LocalDate(nudge.DueUtc), cancellationToken);
            summary = WeeklySummaries.Paragraphs(week, recipient.Couple.PartnerName);
        }

        var token = Uri.EscapeDataString(unsubscribeTokens.Create(recipient.UserId, recipient.Couple!.CoupleId, nudge.Kind));
        var actionUrl = nudge.Kind == NudgeKind.EveningGratitude ? links.To("gratitude")
            : question is null ? links.To("/") : links.To($"checkin/{question.Day:yyyy-MM-dd}");
        var message = NudgeEmails.Compose(new NudgeEmailFacts(
            nudge.Id,
            nudge.Kind,
            recipient.Email,
            recipient.DisplayName,
            recipient.Couple!.PartnerName,
            question is null ? null : QuestionBank.All.Single(candidate => candidate.Id == question.QuestionId).Text,
            summary,
            actionUrl,
            links.To($"unsubscribe?token={token}"),
            links.To($"unsubscribe/one-click?token={token}"),
            MessageIdDomain()));
        return (null, message);
    }

    /// <summary>
    /// A ritual reminder goes out only if the ritual still exists in the recipient's current couple, still happens that
    /// day, has not started yet, and the recipient still wants its reminders; then the usual skip rules apply.
    /// </summary>
    private async Task<(NudgeSkipReason? Skip, EmailMessage? Message)> PrepareRitualReminderAsync(AppDbContext db, ClaimedNudge nudge, Guid ritualId, NudgeRecipient recipient, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var ritual = await db.Rituals.AsNoTracking().SingleOrDefaultAsync(ritual => ritual.Id == ritualId, cancellationToken);
        var reminderOn = await db.RitualReminders.AnyAsync(reminder => reminder.RitualId == ritualId && reminder.UserId == nudge.UserId && reminder.IsOn, cancellationToken);
        var inCouple = ritual is not null && recipient.Couple?.CoupleId == ritual.CoupleId;
        var occurrence = ritual is null || recipient.Couple is null || ritual.IsDeleted ? null : ritual.Schedule.On(recipient.Couple.HomeZone, nudge.LocalDate);
        if (inCouple && occurrence is null)
        {
            return (NudgeSkipReason.RitualGone, null);
        }

        var facts = new NudgeFacts(nudge.Kind, reminderOn, recipient.EmailConfirmed, recipient.AddressBounced, inCouple, false, nudge.DueUtc, now);
        if (NudgeRules.SkipReason(facts) is { } skip)
        {
            return (skip, null);
        }

        if (occurrence!.StartsUtc <= now)
        {
            // After an outage: a reminder for something already under way is no reminder.
            return (NudgeSkipReason.Stale, null);
        }

        var token = Uri.EscapeDataString(unsubscribeTokens.Create(recipient.UserId, recipient.Couple!.CoupleId, nudge.Kind, ritualId));
        var message = NudgeEmails.Compose(new NudgeEmailFacts(
            nudge.Id,
            nudge.Kind,
            recipient.Email,
            recipient.DisplayName,
            recipient.Couple!.PartnerName,
            null,
            null,
            links.To($"rituals/{ritualId}"),
            links.To($"unsubscribe?token={token}"),
            links.To($"unsubscribe/one-click?token={token}"),
            MessageIdDomain())
        {
            Ritual = new RitualEmailFacts(ritual!.Name, RitualViews.When(occurrence.StartsUtc, recipient.Couple.HomeZone, recipient.Zone), RitualScheduleText.Duration(ritual.Schedule.Duration)),
        });
        return (null, message);
    }

    /// <summary>Gratitude written since the start of the recipient's own local day (their evening, wherever the couple's home is).</summary>
    private static Task<bool> ThankedTonightAsync(AppDbContext db, NudgeRecipient recipient, NudgeCouple couple, DateTimeOffset dueUtc, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = NudgeClock.StartOfLocalDay(recipient.Zone, dueUtc);
        return db.Positives.AnyAsync(
            positive => positive.AuthorId == recipient.UserId && positive.CoupleId == couple.CoupleId && positive.IsNightlyGratitude && positive.CreatedAt >= since && positive.CreatedAt <= now,
            cancellationToken);
    }

    private async Task RecordAsync(AppDbContext db, ClaimedNudge nudge, MailSendResult sent, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var attempts = nudge.Attempts + 1;
        await using var transaction = await BeginWithoutWaitingForDiskAsync(db, cancellationToken);
        var row = db.NudgeOutbox.Where(entry => entry.Id == nudge.Id && entry.Status == NudgeStatus.Pending && entry.NextAttemptUtc == nudge.Lease);
        switch (sent.Outcome)
        {
            case MailSendOutcome.Delivered:
                await row.ExecuteUpdateAsync(
                    set => set.SetProperty(entry => entry.Status, NudgeStatus.Sent).SetProperty(entry => entry.SentUtc, now)
                        .SetProperty(entry => entry.Attempts, attempts).SetProperty(entry => entry.NextAttemptUtc, (DateTimeOffset?)null).SetProperty(entry => entry.LastError, (string?)null),
                    cancellationToken);
                outcome.Sent++;
                break;
            case MailSendOutcome.TemporaryFailure when !NudgeRetryPolicy.GivesUpAfter(attempts):
                DateTimeOffset? retryAt = now + NudgeRetryPolicy.DelayAfter(attempts);
                await row.ExecuteUpdateAsync(
                    set => set.SetProperty(entry => entry.Attempts, attempts).SetProperty(entry => entry.NextAttemptUtc, retryAt)
                        .SetProperty(entry => entry.LastError, Truncate(sent.Error)),
                    cancellationToken);
                outcome.Retrying++;
                break;
            default:
                await row.ExecuteUpdateAsync(
                    set => set.SetProperty(entry => entry.Status, NudgeStatus.Failed).SetProperty(entry => entry.Attempts, attempts)
                        .SetProperty(entry => entry.NextAttemptUtc, (DateTimeOffset?)null).SetProperty(entry => entry.LastError, Truncate(sent.Error)),
                    cancellationToken);
                outcome.Failed++;
                if (sent.Outcome == MailSendOutcome.RecipientRejected)
                {
                    // A permanent bounce: no more email to this address until its owner changes or retries it.
                    await db.Users.Where(user => user.Id == nudge.UserId).ExecuteUpdateAsync(set => set.SetProperty(user => user.EmailBouncedAt, now), cancellationToken);
                    logger.LogWarning("The mail server refused a user's address for good; their nudges stop until they fix it");
                }

                break;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static Task<int> MarkSkippedAsync(AppDbContext db, ClaimedNudge nudge, NudgeSkipReason skip, CancellationToken cancellationToken)
    {
        NudgeSkipReason? reason = skip;
        return db.NudgeOutbox.Where(entry => entry.Id == nudge.Id && entry.Status == NudgeStatus.Pending && entry.NextAttemptUtc == nudge.Lease).ExecuteUpdateAsync(
            set => set.SetProperty(entry => entry.Status, NudgeStatus.Skipped).SetProperty(entry => entry.SkipReason, reason).SetProperty(entry => entry.NextAttemptUtc, (DateTimeOffset?)null),
            cancellationToken);
    }

    private Task<int> ReleaseAsync(AppDbContext db, List<ClaimedNudge> nudges, string? error, CancellationToken cancellationToken)
    {
        DateTimeOffset? retryAt = timeProvider.GetUtcNow() + UnreachableRetryDelay;
        var ids = nudges.Select(nudge => nudge.Id).ToList();
        var leases = nudges.Select(nudge => (DateTimeOffset?)nudge.Lease).Distinct().ToList();
        return db.NudgeOutbox.Where(entry => ids.Contains(entry.Id) && entry.Status == NudgeStatus.Pending && leases.Contains(entry.NextAttemptUtc)).ExecuteUpdateAsync(
            set => set.SetProperty(entry => entry.NextAttemptUtc, retryAt).SetProperty(entry => entry.LastError, Truncate(error)),
            cancellationToken);
    }

    /// <summary>
    /// Extends this sender's hold on one row just before sending it, and proves it still holds it: the lease time it
    /// set is the claim's token. Keeps a slow batch (a stalling mail server) from racing another instance.
    /// </summary>
    private async Task<bool> RenewLeaseAsync(AppDbContext db, ClaimedNudge nudge, CancellationToken cancellationToken)
    {
        DateTimeOffset? renewed = ToDatabasePrecision(timeProvider.GetUtcNow().AddSeconds(options.Value.SendLeaseSeconds));
        await using var transaction = await BeginWithoutWaitingForDiskAsync(db, cancellationToken);
        var held = await db.NudgeOutbox
            .Where(entry => entry.Id == nudge.Id && entry.Status == NudgeStatus.Pending && entry.NextAttemptUtc == nudge.Lease)
            .ExecuteUpdateAsync(set => set.SetProperty(entry => entry.NextAttemptUtc, renewed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (held == 1)
        {
            nudge.Lease = renewed.Value;
        }

        return held == 1;
    }

    /// <summary>
    /// For the sender's bookkeeping around each message (the lease renewal, the mark after sending): were such a write
    /// lost in a database crash, the email would go twice, never not at all. Not waiting for its disk flush narrows the
    /// window in which an app crash after the server's 250 repeats a delivered email (bench/results/crash.md), and
    /// spares one connection two disk waits per message (bench/results/email.md).
    /// </summary>
    private static async Task<IDbContextTransaction> BeginWithoutWaitingForDiskAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO off", cancellationToken);
        return transaction;
    }

    /// <summary>PostgreSQL keeps microseconds; the lease must compare equal after a round trip.</summary>
    private static DateTimeOffset ToDatabasePrecision(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10)).ToUniversalTime();

    private string MessageIdDomain()
    {
        var from = emailOptions.Value.FromAddress;
        var at = from.LastIndexOf('@');
        return at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "coupleconnect.local";
    }

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;

    private sealed record ClaimedNudge(long Id, string UserId, NudgeKind Kind, DateTimeOffset DueUtc, int Attempts)
    {
        public DateOnly LocalDate { get; init; }

        public Guid? RitualId { get; init; }

        /// <summary>The lease this sender holds on the row (its next_attempt_utc); only the holder may mark it.</summary>
        public DateTimeOffset Lease { get; set; }
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
