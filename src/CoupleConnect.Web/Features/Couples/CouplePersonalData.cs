using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>"Download my data": the couples this person has been part of, and their invites (without secrets).</summary>
internal sealed class CouplePersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "couples";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var memberships = await db.CoupleMembers.AsNoTracking()
            .Where(member => member.UserId == user.Id)
            .Join(db.Couples, member => member.CoupleId, couple => couple.Id, (member, couple) => new
            {
                couple.Name,
                couple.HomeTimeZoneId,
                couple.Anniversary,
                member.JoinedAt,
                member.LeftAt,
                couple.EndedAt,
                Partner = db.CoupleMembers.Where(other => other.CoupleId == couple.Id && other.UserId != user.Id)
                    .Join(db.Users, other => other.UserId, partner => partner.Id, (other, partner) => partner.DisplayName)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var invites = await db.Invites.AsNoTracking()
            .Where(invite => invite.InviterId == user.Id)
            .Select(invite => new { invite.CreatedAt, invite.ExpiresAt, invite.RevokedAt, invite.AcceptedAt })
            .ToListAsync(cancellationToken);
        return new { Memberships = memberships, InvitesSent = invites };
    }
}
