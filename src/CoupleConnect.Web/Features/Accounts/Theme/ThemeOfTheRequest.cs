using Microsoft.AspNetCore.Components.Endpoints;

namespace CoupleConnect.Web.Features.Accounts.Theme;

/// <summary>
/// Reads the signed-in person's light/dark choice before a page starts rendering, so the page's root can use it
/// without awaiting anything: a root that awaited first would start its interactive part with "follow my phone" (it
/// renders once while awaiting), and an await before its first render breaks the static pages' redirects.
/// </summary>
public static class ThemeOfTheRequest
{
    private static readonly object ItemKey = new();

    /// <summary>One small query for a page request of a signed-in person; nothing for anything else.</summary>
    public static IApplicationBuilder UseThemeOfTheRequest(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && context.User.Identity?.IsAuthenticated == true)
        {
            var preferences = context.RequestServices.GetRequiredService<ThemePreferences>();
            context.Items[ItemKey] = await preferences.GetAsync(context.User, context.RequestAborted);
        }

        await next();
    });

    public static ThemeChoice Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var choice) && choice is ThemeChoice theme ? theme : ThemeChoice.FollowDevice;
}
