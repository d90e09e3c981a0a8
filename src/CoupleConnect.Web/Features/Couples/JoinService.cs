using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>What someone holding an invite may see before joining. Names appear only for an invite that can still be used.</summary>
public sealed record JoinPreview(string? InviterName, string? Problem, bool NeedsSignIn)
{
    public bool CanJoin => Problem is null && !NeedsSignIn;
}

/// <summary>Looking at an invite and accepting it: one transaction, guarded by the database's unique indexes.</summary>
public sealed class JoinService(
    CurrentUser currentUser,
    IDbContextFactory<AppDbContext> dbFactory,
    UserActionThrottle throttle,
    TimeProvider timeProvider,
    AppLinks links,
    IMailSender mailSender,
    CoupleNotifier notifier,
    ILogger<JoinService> logger)
{
    public const string UnknownInviteMessage = "We couldn't find that invite. Check the link or code, or ask your partner to send a new one.";

    public async Task<JoinPreview> PreviewAsync(InviteKey? key, CancellationToken cancellationToken = default)
    {
        if (key is null)
        {
            return new JoinPreview(null, UnknownInviteMessage, NeedsSignIn: false);
        }

        var userId = await currentUser.GetIdAsync();
        if (userId is not null && key.IsCode && !throttle.TryAcquire(userId))
        {
            return new JoinPreview(null, UserActionThrottle.TooManyMessage, NeedsSignIn: false);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invite = await FindAsync(db, key, cancellationToken);
        if (invite is null)
        {
            return new JoinPreview(null, UnknownInviteMessage, NeedsSignIn: false);
        }

        var status = invite.StatusAt(timeProvider.GetUtcNow());
        if (status != InviteStatus.Pending)
        {
            return new JoinPreview(null, CoupleRuleException.MessageFor(RuleFor(status)), NeedsSignIn: false);
        }

        var inviterName = await db.Users.Where(user => user.Id == invite.InviterId).Select(user => user.DisplayName).SingleAsync(cancellationToken);
        if (userId is null)
        {
            return new JoinPreview(inviterName, null, NeedsSignIn: true);
        }

        if (userId == invite.InviterId)
        {
            return new JoinPreview(null, CoupleRuleException.MessageFor(CoupleRule.OwnInvite), NeedsSignIn: false);
        }

        if (await db.CoupleMembers.AnyAsync(member => member.UserId == userId && member.LeftAt == null, cancellationToken))
        {
            return new JoinPreview(null, CoupleRuleException.MessageFor(CoupleRule.AlreadyPaired), NeedsSignIn: false);
        }

        return new JoinPreview(inviterName, null, NeedsSignIn: false);
    }

    /// <summary>Accepts the invite for the signed-in person. Returns the new partner's name.</summary>
    public async Task<ServiceResult<string>> AcceptAsync(InviteKey? key, CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult<string>.Fail("Please sign in to join your partner.");
        }

        if (key is null)
        {
            return ServiceResult<string>.Fail(UnknownInviteMessage);
        }

        if (!throttle.TryAcquire(userId))
        {
            return ServiceResult<string>.Fail(UserActionThrottle.TooManyMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invite = await FindAsync(db, key, cancellationToken);
        if (invite is null)
        {
            return ServiceResult<string>.Fail(UnknownInviteMessage);
        }

        var inviter = await db.Users.SingleAsync(user => user.Id == invite.InviterId, cancellationToken);
        var partner = await db.Users.SingleAsync(user => user.Id == userId, cancellationToken);
        if (!partner.EmailConfirmed)
        {
            return ServiceResult<string>.Fail("Please confirm your email address before joining.");
        }

        try
        {
            var now = timeProvider.GetUtcNow();
            var couple = invite.Accept(
                ToPartner(inviter),
                ToPartner(partner),
                inviterIsPaired: await IsPairedAsync(db, inviter.Id, cancellationToken),
                partnerIsPaired: await IsPairedAsync(db, partner.Id, cancellationToken),
                now);
            db.Couples.Add(couple);

            // Any invite the joining partner had sent is pointless now.
            var partnersOpenInvites = await db.Invites.Where(other => other.InviterId == partner.Id && other.RevokedAt == null && other.AcceptedAt == null).ToListAsync(cancellationToken);
            partnersOpenInvites.ForEach(other => other.Revoke(now));

            // One SaveChanges = one transaction: the couple, both memberships and the used invite commit together or not at all.
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Invite {InviteId} accepted; couple {CoupleId} formed", invite.Id, couple.Id);
        }
        catch (CoupleRuleException refused)
        {
            return ServiceResult<string>.Fail(refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else accepted (or the inviter withdrew) this invite between our read and our write.
            return ServiceResult<string>.Fail(CoupleRuleException.MessageFor(CoupleRule.InviteAlreadyUsed));
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolationOf(CoupleMemberConfiguration.OneActiveMembershipIndex))
        {
            // A concurrent accept paired one of the two people first; tell the joiner what happened, most specific first.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var inviteUsed = await fresh.Invites.AnyAsync(other => other.Id == invite.Id && other.AcceptedAt != null, cancellationToken);
            var rule = inviteUsed ? CoupleRule.InviteAlreadyUsed
                : await IsPairedAsync(fresh, userId, cancellationToken) ? CoupleRule.AlreadyPaired
                : CoupleRule.InviterAlreadyPaired;
            return ServiceResult<string>.Fail(CoupleRuleException.MessageFor(rule));
        }

        // The inviter's open page turns into the couple's home at once; the email is for when it isn't open.
        await notifier.PublishToPersonAsync(inviter.Id, CoupleChange.Paired);
        await NotifyInviterAsync(inviter, partner, cancellationToken);
        return ServiceResult<string>.Ok(inviter.DisplayName);
    }

    private async Task NotifyInviterAsync(ApplicationUser inviter, ApplicationUser partner, CancellationToken cancellationToken)
    {
        try
        {
            await mailSender.SendAsync(CoupleEmails.PartnerJoined(inviter.Email!, inviter.DisplayName, partner.DisplayName, links.BaseUri.ToString(), inviter.DiscreetEmails), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The couple exists either way; a lost courtesy email must not look like a failed join.
            logger.LogWarning(exception, "Could not email the inviter that their partner joined");
        }
    }

    private static Task<Invite?> FindAsync(AppDbContext db, InviteKey key, CancellationToken cancellationToken) =>
        key.IsCode
            ? db.Invites.Where(invite => invite.CodeHash == key.Hash && invite.RevokedAt == null && invite.AcceptedAt == null).SingleOrDefaultAsync(cancellationToken)
            : db.Invites.Where(invite => invite.TokenHash == key.Hash).SingleOrDefaultAsync(cancellationToken);

    private static Task<bool> IsPairedAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.CoupleMembers.AnyAsync(member => member.UserId == userId && member.LeftAt == null, cancellationToken);

    private static CouplePartner ToPartner(ApplicationUser user) =>
        new(user.Id, user.DisplayName, TimeZoneId.ParseOrUtc(user.TimeZoneId));

    private static CoupleRule RuleFor(InviteStatus status) => status switch
    {
        InviteStatus.Accepted => CoupleRule.InviteAlreadyUsed,
        InviteStatus.Revoked => CoupleRule.InviteRevoked,
        _ => CoupleRule.InviteExpired,
    };
}
