namespace CoupleConnect.Web.Features.Rituals;

/// <summary>The secret per-person .ics feed of the couple's upcoming ritual occurrences (issue 7, part 4).</summary>
public static class CalendarFeedSetup
{
    public static IServiceCollection AddRitualCalendarFeed(this IServiceCollection services) => services;

    public static WebApplication MapRitualCalendarFeed(this WebApplication app) => app;
}
