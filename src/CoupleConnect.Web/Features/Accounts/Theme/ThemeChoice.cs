namespace CoupleConnect.Web.Features.Accounts.Theme;

/// <summary>Light or dark, as the person chose it; <see cref="FollowDevice"/> lets each phone's own setting decide.</summary>
public enum ThemeChoice
{
    FollowDevice = 0,
    Light = 1,
    Dark = 2,
}

public static class ThemeChoices
{
    /// <summary>The value of <c>data-theme</c> on the page's root element: none when the device decides.</summary>
    public static string? DataTheme(this ThemeChoice choice) => choice switch
    {
        ThemeChoice.Light => "light",
        ThemeChoice.Dark => "dark",
        _ => null,
    };

    /// <summary>The words the theme menu uses for each choice.</summary>
    public static string Label(this ThemeChoice choice) => choice switch
    {
        ThemeChoice.Light => "Light",
        ThemeChoice.Dark => "Dark",
        _ => "Follow my phone",
    };

    public static IReadOnlyList<ThemeChoice> All { get; } = [ThemeChoice.Light, ThemeChoice.Dark, ThemeChoice.FollowDevice];
}
