using CoupleConnect.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace CoupleConnect.Web.Components.Layout;

/// <summary>The app's main destinations, shared by the phone's bottom bar and the wide screen's drawer.</summary>
public static class AppNavigation
{
    /// <summary>
    /// Every place the couple's days happen, one tap away (issue 15 item 10). Settings places (the couple, the guide,
    /// the account) live in the avatar menu (<see cref="ForSignedInMenu"/>), which the header shows on every page.
    /// </summary>
    public static IReadOnlyList<NavDestination> ForSignedIn { get; } =
    [
        new("Home", "", Icons.Material.Rounded.Home, NavLinkMatch.All),
        new(ConceptNames.Gratitude, "gratitude", Icons.Material.Rounded.Favorite, NavLinkMatch.Prefix),

        // "Noticed", not "Small positives": five labels must each fit a fifth of a 390 px phone on one line.
        new(ConceptNames.PositivesShort, "positives", Icons.Material.Rounded.AutoAwesome, NavLinkMatch.Prefix),
        new(ConceptNames.Rituals, "rituals", Icons.Material.Rounded.EventRepeat, NavLinkMatch.Prefix),
        new(ConceptNames.Reminders, "preferences/reminders", Icons.Material.Rounded.NotificationsActive, NavLinkMatch.Prefix),
    ];

    /// <summary>The avatar menu's places: the couple's settings, the hard-day tools, the guide and the account.</summary>
    public static IReadOnlyList<NavDestination> ForSignedInMenu { get; } =
    [
        new("Couple settings", "couple/settings", Icons.Material.Rounded.Tune, NavLinkMatch.Prefix),
        new("Our story", "story", Icons.Material.Rounded.AutoStories, NavLinkMatch.Prefix),
        new("Our goals", "goals", Icons.Material.Rounded.Flag, NavLinkMatch.Prefix),
        new("Weekly temperature", "temperature", Icons.Material.Rounded.Thermostat, NavLinkMatch.Prefix),
        new("For the harder days", "hard-days", Icons.Material.Rounded.Spa, NavLinkMatch.Prefix),
        new("How it works", "how-it-works", Icons.Material.Rounded.Lightbulb, NavLinkMatch.Prefix),
        new("Account settings", "Account/Manage", Icons.Material.Rounded.ManageAccounts, NavLinkMatch.Prefix),
    ];

    public static IReadOnlyList<NavDestination> ForSignedOut { get; } =
    [
        new("Home", "", Icons.Material.Rounded.Home, NavLinkMatch.All),
        new("How it works", "how-it-works", Icons.Material.Rounded.Lightbulb, NavLinkMatch.Prefix),
        new("Sign in", "Account/Login", Icons.Material.Rounded.Login, NavLinkMatch.Prefix),
    ];
}

public sealed record NavDestination(string Label, string Href, string Icon, NavLinkMatch Match);
