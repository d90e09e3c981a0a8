using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using CoupleConnect.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>What the inviter sees: the code to read out, the link to send, and when it stops working.</summary>
public sealed record InviteView(string Code, string Link, DateTimeOffset ExpiresAt, string ExpiresText);

/// <summary>Creating, showing, emailing and withdrawing the signed-in person's invite.</summary>
public sealed class InviteService(
    CurrentUser currentUser,
    IDbContextFactory<AppDbContext> dbFactory,
    UserActionThrottle throttle,
    TimeProvider timeProvider,
    AppLinks links,
    IMailSender mailSender,
    InviteCodeKey codeKey,
    InviteEmailAllowance emailAllowance,
    ILogger<InviteService> logger)
{
    private const int CodeCollisionRetries = 3;

    public async Task<InviteView?> GetOpenInviteAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invite = await db.Invites.AsNoTracking()
            .Where(invite => invite.InviterId == userId && invite.RevokedAt == null && invite.AcceptedAt == null)
            .SingleOrDefaultAsync(cancellationToken);
        if (invite is null || invite.StatusAt(timeProvider.GetUtcNow()) != InviteStatus.Pending)
        {
            return null;
        }

        var zone = await db.Users.Where(user => user.Id == userId).Select(user => user.TimeZoneId).SingleAsync(cancellationToken);
        return ToView(invite.ProtectedToken, invite.ProtectedCode, invite.ExpiresAt, zone);
    }

    public async Task<ServiceResult<InviteView>> CreateAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult<InviteView>.Fail("Please sign in to invite your partner.");
        }

        if (!throttle.TryAcquire(userId))
        {
            return ServiceResult<InviteView>.Fail(UserActionThrottle.TooManyMessage);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var user = await db.Users.SingleAsync(user => user.Id == userId, cancellationToken);
            if (!user.EmailConfirmed)
            {
                return ServiceResult<InviteView>.Fail("Please confirm your email address before inviting your partner.");
            }

            if (await db.CoupleMembers.AnyAsync(member => member.UserId == userId && member.LeftAt == null, cancellationToken))
            {
                return ServiceResult<InviteView>.Fail(CoupleRuleException.MessageFor(CoupleRule.AlreadyPaired));
            }

            var now = timeProvider.GetUtcNow();
            var earlier = await db.Invites.Where(invite => invite.InviterId == userId && invite.RevokedAt == null && invite.AcceptedAt == null).ToListAsync(cancellationToken);
            var secret = InviteSecret.Generate(codeKey.Value);
            var invite = Invite.Issue(userId, secret, earlier, now);
            db.Invites.Add(invite);
            try
            {
                // Revoking the earlier invite and adding the new one commit together: the unique index allows one open invite.
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Invite {InviteId} created", invite.Id);
                return ServiceResult<InviteView>.Ok(ToView(secret.Token, secret.Code, invite.ExpiresAt, user.TimeZoneId));
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < CodeCollisionRetries)
            {
                // A code collision with another open invite, or a double tap racing itself: try again with fresh state.
            }
        }
    }

    public async Task<ServiceResult> RevokeAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.Invites.Where(invite => invite.InviterId == userId && invite.RevokedAt == null && invite.AcceptedAt == null).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return ServiceResult.Fail("You have no open invite to withdraw.");
        }

        foreach (var invite in open)
        {
            invite.Revoke(timeProvider.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> EmailAsync(string? partnerEmail, CancellationToken cancellationToken = default)
    {
        var address = partnerEmail?.Trim() ?? string.Empty;
        var problem = EmailAddressRules.Problem(address);
        if (problem is not null)
        {
            return ServiceResult.Fail(problem);
        }

        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(user => user.Id == userId, cancellationToken);
        if (string.Equals(user.Email, address, StringComparison.OrdinalIgnoreCase))
        {
            return ServiceResult.Fail("That's your own address. Enter your partner's email instead.");
        }

        var invite = await GetOpenInviteAsync(cancellationToken);
        if (invite is null)
        {
            return ServiceResult.Fail("Create an invite first, then send it.");
        }

        if (!throttle.TryAcquire(userId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        if (await emailAllowance.TakeAsync(userId, address, cancellationToken) is { } tooMany)
        {
            return ServiceResult.Fail(tooMany);
        }

        await mailSender.SendAsync(CoupleEmails.Invitation(address, user.DisplayName, invite.Link, invite.Code, invite.ExpiresText, user.DiscreetEmails), cancellationToken);
        return ServiceResult.Ok;
    }

    private InviteView ToView(string token, string code, DateTimeOffset expiresAt, string timeZoneId) =>
        new(InviteSecret.FormatCode(code), links.To($"join/{token}"), expiresAt, LocalTimeFormat.DayAndTime(expiresAt, timeZoneId));
}
