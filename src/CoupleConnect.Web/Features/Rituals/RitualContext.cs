using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>What every ritual operation needs about the signed-in partner's couple: zones, names, now.</summary>
internal sealed record RitualContext(CoupleScope Scope, TimeZoneId HomeZone, TimeZoneId MyZone, string MyName, string PartnerName, DateTimeOffset Now)
{
    public DateOnly Today => HomeZone.LocalDate(Now);

    public IReadOnlyCollection<string> MemberIds => [Scope.UserId, Scope.PartnerId];

    public static async Task<RitualContext> LoadAsync(AppDbContext db, CoupleScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var homeZone = await db.Couples.Where(couple => couple.Id == scope.CoupleId).Select(couple => couple.HomeTimeZoneId).SingleAsync(cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(user => user.Id == scope.UserId || user.Id == scope.PartnerId)
            .Select(user => new { user.Id, user.DisplayName, user.TimeZoneId })
            .ToListAsync(cancellationToken);
        var me = people.Single(person => person.Id == scope.UserId);
        var partner = people.Single(person => person.Id == scope.PartnerId);
        return new RitualContext(scope, TimeZoneId.ParseOrUtc(homeZone), TimeZoneId.ParseOrUtc(me.TimeZoneId), me.DisplayName, partner.DisplayName, now);
    }

    /// <summary>The couple's ritual for a change (tracked), or the message why it can't be changed: not theirs, or deleted.</summary>
    public async Task<ServiceResult<Ritual>> FindLiveRitualAsync(AppDbContext db, Guid ritualId, CancellationToken cancellationToken)
    {
        var ritual = await db.Rituals.SingleOrDefaultAsync(ritual => ritual.Id == ritualId && ritual.CoupleId == Scope.CoupleId, cancellationToken);
        return ritual switch
        {
            null => ServiceResult<Ritual>.Fail(RitualsService.Gone),
            { IsDeleted: true } => ServiceResult<Ritual>.Fail(RitualsService.DeletedMessage),
            _ => ServiceResult<Ritual>.Ok(ritual),
        };
    }

    public string NameOf(string userId) => userId == Scope.UserId ? MyName : userId == Scope.PartnerId ? PartnerName : "A former partner";
}
