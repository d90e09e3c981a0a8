using CoupleConnect.Web.Components.Account;
using CoupleConnect.Web.Features.Accounts.SensitiveChanges;
using CoupleConnect.Web.Features.Accounts.Sessions;
using CoupleConnect.Web.Features.Accounts.Theme;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Jobs;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoupleConnect.Web.Features.Accounts;

public static class AccountsSetup
{
    public const string AdminRole = "Admin";

    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version3;

    /// <summary>
    /// PBKDF2-HMAC-SHA512 rounds (Identity's v3 format) per OWASP's password storage cheat sheet; Identity's default is
    /// 100,000. A hash with fewer rounds is re-hashed at its owner's next login (Identity's SuccessRehashNeeded).
    /// </summary>
    public const int PasswordHashIterations = 210_000;

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddSingleton<RegisteringBrowser>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                // No external sign-in provider, so no external sign-in scheme either (docs/adr/0022 says what adding one takes).
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "CoupleConnect.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS; behind a TLS-terminating proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        services.AddUserSessions();
        services.AddSensitiveChanges();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                // The user name is the email, which RegisterInputValidator checks; Identity's default character
                // list would refuse real addresses such as o'brien@… or jö@….
                options.User.AllowedUserNameCharacters = string.Empty;
                options.Password.RequiredLength = RegisterInputValidator.MinimumPasswordLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Stores.SchemaVersion = IdentitySchemaVersion;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        // Identity's EF store, with authenticator secrets and recovery codes encrypted at rest (docs/adr/0016).
        services.Replace(ServiceDescriptor.Scoped<IUserStore<ApplicationUser>, EncryptedTokensUserStore>());

        services.Configure<PasswordHasherOptions>(hashing =>
        {
            hashing.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            hashing.IterationCount = PasswordHashIterations;
        });

        services.AddOptions<CoupleConnectOptions>().BindConfiguration(CoupleConnectOptions.SectionName);
        services.AddTransient<IClaimsTransformation, AdminClaimsTransformation>();
        services.AddAuthorizationBuilder().AddPolicy(AdminRole, policy => policy.RequireRole(AdminRole));

        // Discoverable passkeys: sign-in asks the browser for any of its own, never the server for a named account's ids.
        services.Configure<IdentityPasskeyOptions>(passkeys => passkeys.ResidentKeyRequirement = "required");
        services.AddScoped<IEmailSender<ApplicationUser>, AccountEmailSender>();
        services.AddScoped<IValidator<RegisterInput>, RegisterInputValidator>();
        services.AddScoped<IValidator<ProfileInput>, ProfileInputValidator>();
        services.AddScoped<PersonalDataExporter>();
        services.AddScoped<ThemePreferences>();
        services.AddScoped<AccountLifecycle>();
        services.AddOptions<Passwords.PasswordAttemptOptions>().BindConfiguration(Passwords.PasswordAttemptOptions.SectionName);
        services.AddSingleton<Passwords.PasswordAttempts>();
        services.AddAccountRateLimiting(builder.Configuration);
        services.AddScoped<PurgeAccountRecordsJob>();
        services.AddRecurringJob(PurgeAccountRecordsJob.RecurringJobId, jobs => jobs.AddOrUpdate<PurgeAccountRecordsJob>(
            PurgeAccountRecordsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(4, 30)));
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        // Endpoints the Identity components post to (logout, passkeys, personal data download).
        app.MapAdditionalIdentityEndpoints();
        app.MapThemeChoice();
        return app;
    }
}
