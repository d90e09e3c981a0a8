namespace CoupleConnect.Web.Features.Install;

public static class InstallSetup
{
    public static WebApplicationBuilder AddInstall(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InstallOptions>().BindConfiguration(InstallOptions.SectionName);
        return builder;
    }
}
