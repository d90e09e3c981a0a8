using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>The signed-in person, from the server's authentication state: never from anything the browser sends.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState)
{
    public async Task<string?> GetIdAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return IdOf(state.User);
    }

    public static string? IdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
