using MudBlazor;

namespace CoupleConnect.Web.Components.Layout;

/// <summary>
/// Warm and calm: a deep rose for action, sage for accents, a cream page. Colours are chosen for WCAG AA
/// contrast (text ≥ 4.5:1 on its background); wwwroot/css/account.css mirrors them for the static pages.
/// </summary>
public static class AppTheme
{
    public static readonly string[] FontStack = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9C3D4A",
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#4E6E5D",
            SecondaryContrastText = "#FFFFFF",
            Tertiary = "#8A5A12",
            Info = "#2F5E8C",
            Success = "#2F6B45",
            Warning = "#8A5A12",
            Error = "#B3261E",
            Background = "#FBF7F3",
            BackgroundGray = "#F3ECE6",
            Surface = "#FFFFFF",
            AppbarBackground = "#FBF7F3",
            AppbarText = "#2D2424",
            DrawerBackground = "#F6EFE9",
            DrawerText = "#2D2424",
            DrawerIcon = "#6B4A4E",
            TextPrimary = "#2D2424",
            TextSecondary = "#5E5250",
            ActionDefault = "#5E5250",
            LinesDefault = "#E6DCD5",
            Divider = "#E6DCD5",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#F0A6AE",
            PrimaryContrastText = "#2A1216",
            Secondary = "#A9C9B6",
            SecondaryContrastText = "#15241B",
            Tertiary = "#E7C07A",
            Info = "#9CC3EA",
            Success = "#9BD3AE",
            Warning = "#E7C07A",
            Error = "#F2B8B5",
            ErrorContrastText = "#601410", // a filled "Yes, delete" stays readable on the light red of the dark theme
            Background = "#1B1718",
            BackgroundGray = "#231E1F",
            Surface = "#272122",
            AppbarBackground = "#1B1718",
            AppbarText = "#F3ECE8",
            DrawerBackground = "#211C1D",
            DrawerText = "#F3ECE8",
            DrawerIcon = "#E4CFCF",
            TextPrimary = "#F3ECE8",
            TextSecondary = "#CDBFBB",
            ActionDefault = "#CDBFBB",
            LinesDefault = "#3C3334",
            Divider = "#3C3334",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, LetterSpacing = "normal" },
            H4 = new H4Typography { FontSize = "1.75rem", FontWeight = "700", LineHeight = "1.25" },
            H5 = new H5Typography { FontSize = "1.35rem", FontWeight = "700", LineHeight = "1.3" },
            H6 = new H6Typography { FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.35" },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600", LetterSpacing = "normal" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "14px",
            AppbarHeight = "60px",
        },
    };
}
