namespace CoupleConnect.Web.Features.Demo;

public static class DemoSetup
{
    public const string Flag = "--demo";

    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }

    /// <summary>`--demo` seeds the demo couple, in Development only: known passwords have no place in production.</summary>
    public static async Task SeedDemoIfAskedAsync(this WebApplication app, string[] args)
    {
        if (!args.Contains(Flag))
        {
            return;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogError("{Flag} is only available in Development; no demo data was created.", Flag);
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}
