namespace CoupleConnect.Web.Features.Accounts.Sessions;

/// <summary>
/// A User-Agent header in plain words ("Chrome on Android", "Safari on iPhone"), enough for a person to recognise
/// their own devices in a list. Deliberately coarse: no versions, and nothing a person couldn't see for themselves.
/// </summary>
public static class DeviceDescription
{
    // Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS", "Firefox"),
        ("CriOS", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("CrOS", "ChromeOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("Macintosh", "Mac"),
        ("Linux", "Linux"),
    ];

    public static string FromUserAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return (browser, system) switch
        {
            (not null, not null) => $"{browser} on {system}",
            (not null, null) => browser,
            (null, not null) => $"A browser on {system}",
            _ => "Unknown device",
        };
    }

    private static string? Find((string Marker, string Name)[] known, string userAgent) =>
        known.FirstOrDefault(entry => userAgent.Contains(entry.Marker, StringComparison.Ordinal)).Name;
}
