using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Couples;

/// <summary>What forming a couple needs to know about each person.</summary>
public sealed record CouplePartner(string UserId, string DisplayName, TimeZoneId TimeZone);
