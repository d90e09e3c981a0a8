using CoupleConnect.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>The secret per-person .ics feed of the couple's upcoming ritual occurrences (issue 7, part 4).</summary>
public static class CalendarFeedSetup
{
    public const string Route = "/calendar/{token}.ics";

    public static IServiceCollection AddRitualCalendarFeed(this IServiceCollection services)
    {
        services.AddScoped<CalendarFeedService>();
        return services;
    }

    public static WebApplication MapRitualCalendarFeed(this WebApplication app)
    {
        // Phone calendars subscribe with no cookies: the secret token in the address is the only proof. A wrong, turned-off,
        // malformed or over-long token gets a bare 404 that says nothing about why.
        app.MapGet(Route, async (HttpContext context, string token, [FromServices] CalendarFeedService feeds, CancellationToken cancellationToken) =>
        {
            var headers = context.Response.Headers;
            headers.CacheControl = "private, no-store";
            headers["X-Robots-Tag"] = "noindex";
            var calendar = await feeds.RenderAsync(token, cancellationToken);
            return calendar is null
                ? Results.NotFound()
                : Results.Text(calendar, RitualCalendar.ContentType);
        }).AllowAnonymous();
        return app;
    }
}
