using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.Web.Features.CheckIns;

public static class CheckInsSetup
{
    public static WebApplicationBuilder AddCheckIns(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DailyQuestionStore>();
        builder.Services.AddSingleton<IDailyQuestionSource>(services => services.GetRequiredService<DailyQuestionStore>());
        builder.Services.AddSingleton(new CoupleSettingsSection(typeof(QuestionPreferencesSetting), CoupleSettingsSection.AfterTheCouplesDetails));
        builder.Services.AddScoped<CheckInService>();
        builder.Services.AddScoped<QuestionPreferencesService>();
        builder.Services.AddScoped<IPersonalDataSource, CheckInPersonalData>();
        builder.Services.AddScoped<ICoupleArchiveSource, CheckInArchive>();
        builder.Services.AddScoped<SessionSummaries.ISessionSummarySource, CheckInSummarySource>();
        builder.Services.AddSingleton<ICoupleEndHook, UnsharedAnswersLeaveWithTheirAuthor>();
        return builder;
    }
}
