namespace CoupleConnect.Web.Features.Accounts;

/// <summary>Carries a "come back here" path (e.g. /join/…) through sign-up, confirmation and sign-in; only local paths.</summary>
public static class LocalReturnUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string LoginHref(string? returnUrl) =>
        IsLocal(returnUrl) ? $"Account/Login?returnUrl={Uri.EscapeDataString(returnUrl!)}" : "Account/Login";
}
