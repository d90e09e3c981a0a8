namespace CoupleConnect.Tests.Shared;

/// <summary>One hostile value for a form field. <see cref="Embeddable"/>: also worth trying inside a valid value.</summary>
public sealed record HostilePayload(string Name, string Value, bool Embeddable)
{
    public override string ToString() => Name;
}

/// <summary>
/// What the hostile-input sweeps (issue 8, item 9) type into every field they discover: blank, huge, markup, SQL,
/// emoji, right-to-left, invisible and NUL text. The markup payloads must never come back unescaped.
/// </summary>
public static class HostilePayloads
{
    public const string Script = "<script>alert(1)</script>";

    public const string ImageOnError = "\"><img src=x onerror=alert(1)>";

    public static readonly IReadOnlyList<HostilePayload> All =
    [
        new("empty", string.Empty, Embeddable: false),
        new("whitespace only", " \t \n ", Embeddable: false),
        new("10,000 characters", new string('a', 10_000), Embeddable: false),
        new("script element", Script, Embeddable: true),
        new("attribute break-out with img onerror", ImageOnError, Embeddable: true),
        new("SQL metacharacters", "'; DROP TABLE couples; --", Embeddable: true),
        // A family (ZWJ sequence), a skin tone modifier and a flag: several code points each.
        new("emoji with ZWJ sequences", "👩‍❤️‍👨 👨‍👩‍👧‍👦 👍🏽 🇩🇪", Embeddable: true),
        new("right-to-left with U+202E override", "שלום مرحبا \u202Etxt.exe", Embeddable: true),
        new("zero-width space and BOM", "\u200B\uFEFF\u200B", Embeddable: true),
        new("NUL", "\0", Embeddable: true),
    ];

    /// <summary>The markup payloads: if one of these appears verbatim in HTML, it was echoed unescaped.</summary>
    public static readonly IReadOnlyList<string> Markup = [Script, "<img src=x onerror=alert(1)>"];
}
