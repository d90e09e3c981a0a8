namespace CoupleConnect.Web.Features.Needs;

public static class NeedsSetup
{
    public static WebApplicationBuilder AddNeeds(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<NeedsService>();
        services.AddScoped<Accounts.IPersonalDataSource, NeedPersonalData>();
        services.AddScoped<Couples.ICoupleArchiveSource, NeedArchive>();
        return builder;
    }
}
