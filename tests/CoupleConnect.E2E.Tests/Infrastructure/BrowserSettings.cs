using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Infrastructure;

public static class BrowserSettings
{
    /// <summary>./test.sh points this at Debian's /usr/bin/chromium; empty (e.g. on GitHub Actions) means Playwright's own browser.</summary>
    public const string ChromiumVariable = "COUPLECONNECT_CHROMIUM";

    public static BrowserTypeLaunchOptions LaunchOptions()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = string.IsNullOrWhiteSpace(chromium) ? null : chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        };
    }

    public static BrowserNewContextOptions Phone(string baseAddress, string timeZone, ColorScheme colorScheme = ColorScheme.Light) => new()
    {
        ColorScheme = colorScheme,
        BaseURL = baseAddress,
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "en-US",
        TimezoneId = timeZone,
    };
}
