using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>Just after the daily questions' section: reveal together is about the same answers.</summary>
    public const int SectionOrder = CoupleSettingsSection.AfterTheCouplesDetails + 10;

    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new CoupleSettingsSection(typeof(PrivacySettingsSection), SectionOrder));
        builder.Services.AddScoped<PrivacyService>();
        return builder;
    }
}
