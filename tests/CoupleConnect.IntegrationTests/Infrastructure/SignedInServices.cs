using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Positives;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// One DI scope of the running app in which a given person is signed in (<see cref="SignedInScopes"/>), with the
/// services the tests use most at hand. Services resolved from it read "the current user" exactly as for a real page.
/// </summary>
public sealed class SignedInServices : IAsyncDisposable
{
    public const string BaseUri = SignedInScopes.DefaultBaseUri;

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
    public static SignedInServices For(IServiceProvider appServices, string? userId, string baseUri = BaseUri) =>
        new(SignedInScopes.Open(appServices, userId, baseUri), userId);

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
