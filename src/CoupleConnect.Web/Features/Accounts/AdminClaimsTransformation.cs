using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// Admins are named in configuration (CoupleConnect:AdminEmails), not stored: removing an address there
/// removes the role at the next request. Only confirmed accounts can sign in, so the email is proven.
/// </summary>
internal sealed class AdminClaimsTransformation(IOptionsMonitor<CoupleConnectOptions> options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.IsInRole(AccountsSetup.AdminRole))
        {
            return Task.FromResult(principal);
        }

        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name);
        var isAdmin = email is not null && options.CurrentValue.AdminEmails.Any(admin => string.Equals(admin.Trim(), email, StringComparison.OrdinalIgnoreCase));
        if (!isAdmin)
        {
            return Task.FromResult(principal);
        }

        var withRole = principal.Clone();
        withRole.AddIdentity(new ClaimsIdentity([new Claim(ClaimTypes.Role, AccountsSetup.AdminRole)], "CoupleConnect.Admin", ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(withRole);
    }
}
