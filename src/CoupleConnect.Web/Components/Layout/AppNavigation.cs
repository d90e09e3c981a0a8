using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace CoupleConnect.Web.Components.Layout;

/// <summary>The app's main destinations, shared by the phone's bottom bar and the wide screen's drawer.</summary>
public static class AppNavigation
{
    public static IReadOnlyList<NavDestination> ForSignedIn { get; } =
    [
        new("Home", "", Icons.Material.Rounded.Home, NavLinkMatch.All),
        new("Rituals", "rituals", Icons.Material.Rounded.EventRepeat, NavLinkMatch.Prefix),
        new("Couple", "couple/settings", Icons.Material.Rounded.Favorite, NavLinkMatch.Prefix),

        // "Guide", not "How it works": five labels must each fit a fifth of a 390 px phone on one line.
        new("Guide", "how-it-works", Icons.Material.Rounded.Lightbulb, NavLinkMatch.Prefix),
        new("Account", "Account/Manage", Icons.Material.Rounded.AccountCircle, NavLinkMatch.Prefix),
    ];

    public static IReadOnlyList<NavDestination> ForSignedOut { get; } =
    [
        new("Home", "", Icons.Material.Rounded.Home, NavLinkMatch.All),
        new("How it works", "how-it-works", Icons.Material.Rounded.Lightbulb, NavLinkMatch.Prefix),
        new("Sign in", "Account/Login", Icons.Material.Rounded.Login, NavLinkMatch.Prefix),
    ];
}

public sealed record NavDestination(string Label, string Href, string Icon, NavLinkMatch Match);
