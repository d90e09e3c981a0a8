using System.Buffers.Binary;
using System.Text.Json;
using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Install;

/// <summary>
/// Issue 19, "Installable": on a phone, Chromium finds nothing missing to install the app (its own installability check,
/// over CDP), the manifest says what a home screen needs, and every icon it names is a PNG of the size it claims.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class InstallableOnAPhone(AppFixture app, ITestOutputHelper output)
{
    /// <remarks>
    /// Chromium never offers to install from an incognito profile, which every new Playwright context is ("in-incognito"
    /// is then its only installability error): so this phone is a persistent profile in a folder of its own.
    /// </remarks>
    [Fact]
    public async Task ChromiumOnAPhoneFindsNothingInTheWayOfInstallingTheApp()
    {
        var profile = Directory.CreateTempSubdirectory("cc-install-profile-");
        using var playwright = await Playwright.CreateAsync();
        var launch = BrowserSettings.LaunchOptions();
        var phoneSettings = BrowserSettings.Phone(app.BaseAddress, "Europe/Berlin");
        await using var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
        {
            ExecutablePath = launch.ExecutablePath,
            Headless = true,
            Args = launch.Args,
            BaseURL = app.BaseAddress,
            ViewportSize = phoneSettings.ViewportSize,
            DeviceScaleFactor = phoneSettings.DeviceScaleFactor,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-US",
            TimezoneId = "Europe/Berlin",
        });
        try
        {
            var phone = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            await phone.GotoAsync("/");
            Assert.Equal(390, await phone.EvaluateAsync<int>("() => innerWidth"));

            var worker = await phone.WaitUntilControlledAsync();
            Assert.StartsWith(app.BaseAddress + "sw.js?v=", worker, StringComparison.Ordinal);

            var cdp = await context.NewCDPSessionAsync(phone);
            var result = await cdp.SendAsync("Page.getInstallabilityErrors");
            var errors = result!.Value.GetProperty("installabilityErrors").EnumerateArray().Select(error => error.ToString()).ToList();
            output.WriteLine($"installability errors: {errors.Count}");
            Assert.True(errors.Count == 0, "Chromium would not install the app:\n" + string.Join('\n', errors));

            var manifest = await cdp.SendAsync("Page.getAppManifest");
            Assert.Empty(manifest!.Value.GetProperty("errors").EnumerateArray());
        }
        finally
        {
            await context.CloseAsync();
            profile.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TheManifestSaysWhatAHomeScreenNeedsAndEveryIconIsThePngItClaims()
    {
        var phone = await app.NewPhonePageAsync();
        await using var context = phone.Context;
        await phone.GotoAsync("Account/Login");

        // Every page's head, signed out too, points at the manifest and carries Apple's home-screen tags.
        await Expect(phone.Locator("link[rel=manifest]")).ToHaveAttributeAsync("href", "/manifest.webmanifest");
        await Expect(phone.Locator("link[rel=apple-touch-icon]")).ToHaveAttributeAsync("href", "/icons/apple-touch-icon.png");
        await Expect(phone.Locator("meta[name=apple-mobile-web-app-capable]")).ToHaveAttributeAsync("content", "yes");
        await Expect(phone.Locator("meta[name=mobile-web-app-capable]")).ToHaveAttributeAsync("content", "yes");
        await Expect(phone.Locator("meta[name=apple-mobile-web-app-title]")).ToHaveAttributeAsync("content", "CoupleConnect");
        await Expect(phone.Locator("meta[name=apple-mobile-web-app-status-bar-style]")).ToHaveAttributeAsync("content", "default");

        var response = await phone.APIRequest.GetAsync("manifest.webmanifest");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/manifest+json", response.Headers["content-type"], StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(await response.TextAsync());
        var root = manifest.RootElement;
        Assert.Equal("CoupleConnect", root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("short_name").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("description").GetString()));
        Assert.Equal("/", root.GetProperty("id").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("/", root.GetProperty("scope").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Equal("#FBF7F3", root.GetProperty("background_color").GetString());
        Assert.Equal("#FBF7F3", root.GetProperty("theme_color").GetString());
        Assert.Subset(new HashSet<string> { "lifestyle", "health" }, root.GetProperty("categories").EnumerateArray().Select(category => category.GetString()!).ToHashSet());

        var icons = root.GetProperty("icons").EnumerateArray()
            .Select(icon => (Src: icon.GetProperty("src").GetString()!, Sizes: icon.GetProperty("sizes").GetString()!, Purpose: icon.GetProperty("purpose").GetString()!))
            .ToList();
        Assert.Contains(icons, icon => icon is { Sizes: "192x192", Purpose: "any" });
        Assert.Contains(icons, icon => icon is { Sizes: "512x512", Purpose: "any" });
        Assert.Contains(icons, icon => icon is { Sizes: "192x192", Purpose: "maskable" });
        Assert.Contains(icons, icon => icon is { Sizes: "512x512", Purpose: "maskable" });
        foreach (var (src, sizes, _) in icons.Append(("/icons/apple-touch-icon.png", "180x180", "apple")).Append(("/icons/badge-96.png", "96x96", "badge")))
        {
            var size = int.Parse(sizes.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((size, size), await PngSizeAsync(phone, src));
        }

        await ScreenshotTheIconsAsync(phone, icons.Select(icon => icon.Src).Append("/icons/apple-touch-icon.png"));
    }

    [Fact]
    public async Task TheServiceWorkerScriptIsAlwaysRevalidated()
    {
        var phone = await app.NewPhonePageAsync();
        await using var context = phone.Context;

        var response = await phone.APIRequest.GetAsync("sw.js?v=any");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/javascript", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("no-cache", response.Headers["cache-control"], StringComparison.Ordinal);
    }

    /// <summary>The width and height a PNG's header declares (after checking it is a PNG at all).</summary>
    private static async Task<(int Width, int Height)> PngSizeAsync(IPage page, string src)
    {
        var response = await page.APIRequest.GetAsync(src.TrimStart('/'));
        Assert.True(response.Status == 200, $"{src}: {response.Status}");
        Assert.Equal("image/png", response.Headers["content-type"]);
        var bytes = await response.BodyAsync();
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{src} is not a PNG.");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    /// <summary>The icons as a phone shows them: as they are, and the maskable ones under a circle and a rounded square.</summary>
    private static async Task ScreenshotTheIconsAsync(IPage page, IEnumerable<string> icons)
    {
        var tiles = string.Concat(icons.Distinct().Select(src =>
            $"<figure><img src=\"{src}\" alt=\"\"><figcaption>{src.Split('/')[^1]}</figcaption></figure>" +
            (src.Contains("maskable", StringComparison.Ordinal)
                ? $"<figure><img class=\"circle\" src=\"{src}\" alt=\"\"><figcaption>masked: circle</figcaption></figure><figure><img class=\"squircle\" src=\"{src}\" alt=\"\"><figcaption>masked: rounded</figcaption></figure>"
                : string.Empty)));
        await page.SetContentAsync($$"""
            <html><head><style>
                body { margin: 16px; font: 13px system-ui, sans-serif; background: #E9E2DC; display: flex; flex-wrap: wrap; align-content: flex-start; gap: 12px; }
                figure { margin: 0; width: 110px; text-align: center; } img { width: 96px; height: 96px; }
                .circle { border-radius: 50%; } .squircle { border-radius: 22%; }
            </style></head><body>{{tiles}}</body></html>
            """);
        await page.WaitForFunctionAsync("() => [...document.images].every(image => image.complete && image.naturalWidth > 0)");
        await Screenshots.SaveAsync(page, "look-install-01-home-screen-icons");
    }
}
