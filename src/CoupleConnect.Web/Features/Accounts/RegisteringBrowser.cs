using Microsoft.AspNetCore.DataProtection;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// Remembers, in the browser that filled in the sign-up form, which address it registered, so that the confirmation
/// link signs in only there. Someone who registers another person's address (with a password they know) cannot have the
/// owner signed in to that account by the owner's own click: in any other browser the link confirms and asks for a
/// sign-in, which the owner can only pass by resetting the password. The cookie is set the same way whether the address
/// was new or already had an account, so it tells nobody which.
/// </summary>
public sealed class RegisteringBrowser(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string CookieName = "CoupleConnect.Registering";

    /// <summary>As long as a confirmation link lasts, with a day to spare.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    // The expiry travels inside the protected value and is read against TimeProvider (a time-limited protector would
    // read the machine clock).
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CoupleConnect.Accounts.RegisteringBrowser");

    public void Remember(HttpContext http, string email)
    {
        var expires = time.GetUtcNow().Add(Lifetime);
        var value = _protector.Protect($"{expires.ToUnixTimeSeconds()}|{Normalize(email)}");
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the link is opened from an email, a top-level navigation from another site.
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Expires = expires,
            Path = "/Account",
            IsEssential = true,
        });
    }

    /// <summary>Whether this browser registered <paramref name="email"/> (and the memory has not expired).</summary>
    public bool Registered(HttpContext http, string? email)
    {
        if (email is null || !http.Request.Cookies.TryGetValue(CookieName, out var protectedEmail))
        {
            return false;
        }

        try
        {
            var remembered = _protector.Unprotect(protectedEmail).Split('|', 2);
            return remembered.Length == 2
                && long.TryParse(remembered[0], out var expires)
                && DateTimeOffset.FromUnixTimeSeconds(expires) > time.GetUtcNow()
                && remembered[1] == Normalize(email);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public static void Forget(HttpContext http) =>
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/Account" });

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
