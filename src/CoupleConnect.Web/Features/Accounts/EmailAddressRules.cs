namespace CoupleConnect.Web.Features.Accounts;

/// <summary>One check for "is this plausibly an email address", with one wording, used by every form.</summary>
public static class EmailAddressRules
{
    public const int MaxLength = 254;

    public static string? Problem(string? email)
    {
        var value = email?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return "Please enter an email address.";
        }

        if (value.Length > MaxLength)
        {
            return $"An email address can be at most {MaxLength} characters.";
        }

        return LooksLikeEmail(value) ? null : "That doesn't look like an email address. Check for a typo, like a missing @ or dot.";
    }

    /// <summary>
    /// One @, something before it, a dot inside the domain, no spaces, no control or invisible characters and none of
    /// the characters that mean something else in a mail header (<c>&lt;&gt;()[],;:\"</c>, which only quoted addresses
    /// nobody types may hold): catches typos without rejecting real addresses, and never lets through one the mailer
    /// can't parse.
    /// </summary>
    public static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || email.Any(IsNeverInAnAddress))
        {
            return false;
        }

        var domain = email[(at + 1)..];
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < domain.Length - 1 && !domain.Contains("..", StringComparison.Ordinal);
    }

    private static bool IsNeverInAnAddress(char c) =>
        char.IsWhiteSpace(c) || Domain.Common.VisibleText.IsInvisibleOrControl(c) || "<>()[],;:\\\"".Contains(c, StringComparison.Ordinal);
}
