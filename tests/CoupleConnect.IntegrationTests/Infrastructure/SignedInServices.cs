using System.Security.Claims;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Positives;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// One DI scope of the running app in which a given person is signed in, as a Blazor circuit would be: the scoped
/// <see cref="AuthenticationStateProvider"/> holds their principal and <see cref="NavigationManager"/> knows the base
/// address. Services resolved from it read "the current user" exactly as they do for a real page.
/// </summary>
public sealed class SignedInServices : IAsyncDisposable
{
    public const string BaseUri = "http://localhost/";

    private readonly AsyncServiceScope _scope;

    private SignedInServices(AsyncServiceScope scope, string? userId)
    {
        _scope = scope;
        UserId = userId;
    }

    /// <summary>Null for a signed-out visitor.</summary>
    public string? UserId { get; }

    public InviteService Invites => Get<InviteService>();

    public JoinService Join => Get<JoinService>();

    public CoupleSettingsService Settings => Get<CoupleSettingsService>();

    public CoupleHomeService Home => Get<CoupleHomeService>();

    public CoupleArchiveService Archive => Get<CoupleArchiveService>();

    public CurrentCouple CurrentCouple => Get<CurrentCouple>();

    public CheckInService CheckIns => Get<CheckInService>();

    public PositivesService Positives => Get<PositivesService>();

    public DashboardService Dashboard => Get<DashboardService>();

    /// <summary>
    /// A scope signed in as <paramref name="userId"/>, or signed out when it is null, as a circuit opened at
    /// <paramref name="baseUri"/> (the Host its first request named) would be.
    /// </summary>
    public static SignedInServices For(IServiceProvider appServices, string? userId, string baseUri = BaseUri)
    {
        var scope = appServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var identity = userId is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], authenticationType: "test");
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        ((IHostEnvironmentNavigationManager)services.GetRequiredService<NavigationManager>()).Initialize(baseUri, baseUri);
        return new SignedInServices(scope, userId);
    }

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
