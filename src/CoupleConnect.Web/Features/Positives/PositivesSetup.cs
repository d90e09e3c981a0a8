namespace CoupleConnect.Web.Features.Positives;

public static class PositivesSetup
{
    public static WebApplicationBuilder AddPositives(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PositivesService>();
        return builder;
    }
}
