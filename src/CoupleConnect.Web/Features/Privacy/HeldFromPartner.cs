using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Web.Features.Privacy;

/// <summary>
/// The read side of private mode (docs/adr/0036): entries a partner wrote in private mode stay out of what the other
/// sees until their morning. A viewer always sees their own.
/// </summary>
public static class HeldFromPartner
{
    public static IQueryable<Positive> SeenBy(this IQueryable<Positive> positives, string viewerId, DateTimeOffset now) =>
        positives.Where(positive => positive.AuthorId == viewerId || positive.VisibleToPartnerFrom == null || positive.VisibleToPartnerFrom <= now);
}
