using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// One DI scope of the running app in which a given person is signed in, as their Blazor circuit would be: the scoped
/// <see cref="AuthenticationStateProvider"/> holds their principal and <see cref="NavigationManager"/> knows the base
/// address. Services resolved from it read "the current user" exactly as they do for a real page.
/// </summary>
public static class SignedInScopes
{
    public const string DefaultBaseUri = "http://localhost/";

    /// <summary>
    /// A scope signed in as <paramref name="userId"/>, or signed out when it is null, as a circuit opened at
    /// <paramref name="baseUri"/> (the Host its first request named) would be. Dispose it.
    /// </summary>
    public static AsyncServiceScope Open(IServiceProvider appServices, string? userId, string baseUri = DefaultBaseUri)
    {
        var scope = appServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var identity = userId is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], authenticationType: "test");
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        ((IHostEnvironmentNavigationManager)services.GetRequiredService<NavigationManager>()).Initialize(baseUri, baseUri);
        return scope;
    }
}
