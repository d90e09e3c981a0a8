namespace CoupleConnect.Web.Features.QuickExit;

public static class QuickExitSetup
{
    public static WebApplicationBuilder AddQuickExit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuickExitOptions>()
            .BindConfiguration(QuickExitOptions.SectionName)
            .Validate(QuickExitOptions.IsUsable, $"{QuickExitOptions.SectionName}:Url must be an absolute http or https address, e.g. https://www.bbc.com/weather.")
            .ValidateOnStart();
        return builder;
    }
}
