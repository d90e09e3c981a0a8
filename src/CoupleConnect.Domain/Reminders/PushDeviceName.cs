using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Reminders;

/// <summary>What a person calls one of their devices in the list of those that take notifications.</summary>
public sealed record PushDeviceName
{
    public const int MaxLength = 40;

    private PushDeviceName(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out PushDeviceName? name, out string? problem)
    {
        name = null;
        var trimmed = value?.Trim() ?? string.Empty;
        problem = trimmed switch
        {
            _ when WrittenText.IsBlank(trimmed) => "Please give this device a name, such as \"My phone\".",
            { Length: > MaxLength } => $"Please keep the name to {MaxLength} characters or fewer (this one has {trimmed.Length}).",
            _ when trimmed.IndexOfAny(['<', '>']) >= 0 => "A device name can't contain < or >.",
            _ when VisibleText.HasInvisibleOrControl(trimmed) => "A device name can't contain line breaks, control or invisible characters.",
            _ => null,
        };

        if (problem is null)
        {
            name = new PushDeviceName(trimmed);
        }

        return problem is null;
    }

    /// <summary>
    /// A first name from the browser's user agent ("Chrome on Android", "Safari on iPhone"), which the person can change.
    /// Only the browser and the system, never a model or version: enough to tell devices apart in a list.
    /// </summary>
    public static PushDeviceName FromUserAgent(string? userAgent)
    {
        var agent = userAgent ?? string.Empty;
        var system = agent switch
        {
            _ when agent.Contains("iPhone", StringComparison.Ordinal) => "iPhone",
            _ when agent.Contains("iPad", StringComparison.Ordinal) => "iPad",
            _ when agent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when agent.Contains("CrOS", StringComparison.Ordinal) => "ChromeOS",
            _ when agent.Contains("Macintosh", StringComparison.Ordinal) => "Mac",
            _ when agent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when agent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        var browser = agent switch
        {
            _ when agent.Contains("Edg/", StringComparison.Ordinal) || agent.Contains("EdgA/", StringComparison.Ordinal) => "Edge",
            _ when agent.Contains("SamsungBrowser/", StringComparison.Ordinal) => "Samsung Internet",
            _ when agent.Contains("Firefox/", StringComparison.Ordinal) || agent.Contains("FxiOS/", StringComparison.Ordinal) => "Firefox",
            _ when agent.Contains("CriOS/", StringComparison.Ordinal) || agent.Contains("Chrome/", StringComparison.Ordinal) || agent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when agent.Contains("Safari/", StringComparison.Ordinal) || system is "iPhone" or "iPad" => "Safari",
            _ => null,
        };
        var text = (browser, system) switch
        {
            (not null, not null) => $"{browser} on {system}",
            (not null, null) => browser,
            (null, not null) => $"A browser on {system}",
            _ => "A browser",
        };
        return new PushDeviceName(text);
    }
}
