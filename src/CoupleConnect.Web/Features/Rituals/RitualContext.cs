using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>What every ritual operation needs about the signed-in partner's couple (zones, names; all in the scope) and now.</summary>
internal sealed record RitualContext(CoupleScope Scope, DateTimeOffset Now)
{
    public TimeZoneId HomeZone => Scope.HomeZone;

    public TimeZoneId MyZone => Scope.MyZone;

    public string MyName => Scope.MyName;

    public string PartnerName => Scope.PartnerName;

    public DateOnly Today => Scope.TodayAt(Now);

    public IReadOnlyCollection<string> MemberIds => Scope.MemberIds;

    /// <summary>The couple's ritual for a change (tracked), or the message why it can't be changed: not theirs, or deleted.</summary>
    public static async Task<ServiceResult<Ritual>> FindLiveRitualAsync(AppDbContext db, Guid ritualId, CancellationToken cancellationToken)
    {
        var ritual = await db.Rituals.SingleOrDefaultAsync(ritual => ritual.Id == ritualId, cancellationToken);
        return ritual switch
        {
            null => ServiceResult<Ritual>.Fail(RitualsService.Gone),
            { IsDeleted: true } => ServiceResult<Ritual>.Fail(RitualsService.DeletedMessage),
            _ => ServiceResult<Ritual>.Ok(ritual),
        };
    }

    public string NameOf(string userId) => userId == Scope.UserId ? MyName : userId == Scope.PartnerId ? PartnerName : "A former partner";
}
