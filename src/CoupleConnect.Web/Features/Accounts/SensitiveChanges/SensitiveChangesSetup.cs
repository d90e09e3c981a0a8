using CoupleConnect.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoupleConnect.Web.Features.Accounts.SensitiveChanges;

public static class SensitiveChangesSetup
{
    public static IServiceCollection AddSensitiveChanges(this IServiceCollection services)
    {
        services.TryAddSingleton<AppLinks>();
        services.AddSingleton<SecurityNotices>();
        services.AddScoped<AccountChanges>();
        services.AddSingleton<RecentProof>();
        return services;
    }
}
