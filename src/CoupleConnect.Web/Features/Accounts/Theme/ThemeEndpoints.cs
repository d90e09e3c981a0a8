using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace CoupleConnect.Web.Features.Accounts.Theme;

/// <summary>
/// The theme menu on the static account pages, which have no circuit: a plain form posts the choice here, and the
/// person lands back on the page they were on, now drawn in the theme they chose.
/// </summary>
public static class ThemeEndpoints
{
    public const string Path = "/Account/Theme";

    public static IEndpointConventionBuilder MapThemeChoice(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (
            ClaimsPrincipal user,
            [FromServices] ThemePreferences preferences,
            [FromForm] ThemeChoice choice,
            [FromForm] string? returnUrl,
            CancellationToken cancellationToken) =>
        {
            await preferences.SaveAsync(user, choice, cancellationToken);
            return TypedResults.LocalRedirect(LocalReturnUrl.IsLocal(returnUrl) ? returnUrl! : "~/");
        }).RequireAuthorization();
}
