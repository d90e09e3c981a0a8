namespace CoupleConnect.Web.Features.Couples;

/// <summary>Who a change is for, as one opaque key: a couple ("c:" and its id) or one person ("p:" and their account id).</summary>
public static class ChangeAudience
{
    private const int MaxLength = 80;

    public static string Couple(Guid coupleId) => "c:" + coupleId.ToString("N");

    public static string Person(string userId) => "p:" + userId;

    /// <summary>A key that could have come from <see cref="Couple"/> or <see cref="Person"/>; anything else is ignored.</summary>
    public static bool IsWellFormed(string key) =>
        key.Length <= MaxLength
        && !key.Contains('|', StringComparison.Ordinal)
        && ((key.StartsWith("c:", StringComparison.Ordinal) && Guid.TryParseExact(key[2..], "N", out _))
            || (key.StartsWith("p:", StringComparison.Ordinal) && key.Length > 2));
}
