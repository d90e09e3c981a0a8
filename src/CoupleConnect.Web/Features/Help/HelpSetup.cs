namespace CoupleConnect.Web.Features.Help;

public static class HelpSetup
{
    public static WebApplicationBuilder AddHelp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HelpOptions>().BindConfiguration(HelpOptions.SectionName);
        return builder;
    }
}
