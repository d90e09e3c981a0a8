using System.Security.Claims;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>
/// The app's own services for the dashboard, wired as Program.cs wires them (AddDatabase: the same DbContext factory,
/// Npgsql options and naming convention; the couple scoping; AddDashboard), with a clock stopped at the seeded "now"
/// and the benchmark's data key. <see cref="Dashboard"/> is the service the dashboard page calls, signed in as "you".
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private DashboardApp(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
        Dashboard = _scope.ServiceProvider.GetRequiredService<DashboardService>();
        DbFactory = _scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Encryptor = services.GetRequiredService<FieldEncryptor>();
    }

    public DashboardService Dashboard { get; }

    public IDbContextFactory<AppDbContext> DbFactory { get; }

    public FieldEncryptor Encryptor { get; }

    /// <param name="interceptor">Only for the EXPLAIN pass: sees every command EF sends, with its parameters.</param>
    public static DashboardApp Create(string connectionString, DateTimeOffset now, string userId, IInterceptor? interceptor = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:DefaultConnection"] = connectionString,
            ["CoupleConnect:Encryption:CurrentKeyId"] = BenchDatabase.EncryptionKeyId,
            [$"CoupleConnect:Encryption:Keys:{BenchDatabase.EncryptionKeyId}"] = BenchDatabase.EncryptionKey,
        });
        builder.Services.AddLogging();
        builder.Services.Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = AccountsSetup.IdentitySchemaVersion);
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        builder.AddDatabase();
        if (interceptor is not null)
        {
            builder.Services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(interceptor));
        }

        // As CouplesSetup registers them, with the signed-in person fixed.
        builder.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedIn(userId));
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<CurrentCouple>();
        builder.AddDashboard();
        return new DashboardApp(builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>What a signed-in circuit's authentication state gives CurrentUser: an authenticated principal with an id.</summary>
    private sealed class SignedIn(string userId) : AuthenticationStateProvider
    {
        private readonly Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], authenticationType: "bench"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;
    }
}
