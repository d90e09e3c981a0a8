using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>One invite email sent: who sent it, to whom (a keyed hash: the address may belong to nobody), and when.</summary>
public sealed class InviteEmailRecord
{
    public long Id { get; init; }

    public required string SenderId { get; init; }

    public required string RecipientKey { get; init; }

    public DateTimeOffset SentAt { get; init; }
}

/// <summary>
/// Keeps the invite email from being a mail relay: a few per person per day, and a few per recipient per day from
/// everyone together, counted in the database so every instance and every restart agrees.
/// </summary>
public sealed class InviteEmailAllowance(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, FieldEncryptor encryptor, IOptions<CouplesOptions> options)
{
    /// <summary>How far back the allowance counts invite emails: the last day.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the daily job keeps a record after the window stops counting it: a margin, so no record is forgotten
    /// while an instance whose clock runs a little behind could still be counting it.
    /// </summary>
    public static readonly TimeSpan KeptAfterWindow = TimeSpan.FromDays(1);

    private readonly KeyedHash _recipients = KeyedHash.For(encryptor, "coupleconnect:invite-recipients:v1");

    /// <summary>Null and recorded when the email may go; otherwise the reason it may not, and nothing is recorded.</summary>
    public async Task<string?> TakeAsync(string senderId, string recipientAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - Window;
        var recipient = _recipients.Of(recipientAddress.Trim().ToUpperInvariant());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var bySender = await db.InviteEmails.CountAsync(sent => sent.SenderId == senderId && sent.SentAt > since, cancellationToken);
        if (bySender >= options.Value.InviteEmailsPerDay)
        {
            return $"You've sent {options.Value.InviteEmailsPerDay} invite emails today, the most we send for one person in a day. " +
                "You can still share the link or read out the code, or send the email again tomorrow.";
        }

        var toRecipient = await db.InviteEmails.CountAsync(sent => sent.RecipientKey == recipient && sent.SentAt > since, cancellationToken);
        if (toRecipient >= options.Value.InviteEmailsPerRecipientPerDay)
        {
            return "That address has had several invite emails today, so we won't send another until tomorrow. You can share the link or the code with them another way.";
        }

        db.InviteEmails.Add(new InviteEmailRecord { SenderId = senderId, RecipientKey = recipient, SentAt = now });
        await db.InviteEmails.Where(sent => sent.SenderId == senderId && sent.SentAt < since).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Daily: forgets invite emails <see cref="KeptAfterWindow"/> after the allowance stops counting them.</summary>
    public async Task<int> ForgetOldAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Window - KeptAfterWindow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InviteEmails.Where(sent => sent.SentAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Invite emails sent in the last day (recipients hashed). Declared here, by the feature that owns it, so the DbContext names no feature.</summary>
public static class InviteEmailTable
{
    extension(AppDbContext db)
    {
        public DbSet<InviteEmailRecord> InviteEmails => db.Set<InviteEmailRecord>();
    }
}
