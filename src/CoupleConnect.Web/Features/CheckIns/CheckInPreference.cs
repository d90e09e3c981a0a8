using CoupleConnect.Domain.CheckIns;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>The couple's chosen question depth; no row means <see cref="DepthPreference.Automatic"/>.</summary>
public sealed class CheckInPreference
{
    public Guid CoupleId { get; set; }

    public DepthPreference Depth { get; set; } = DepthPreference.Automatic;
}
