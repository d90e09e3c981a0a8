using System.Net;
using System.Text.RegularExpressions;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>A form as rendered, with every field a browser would send as it stands: inputs, textareas, selected options.</summary>
public sealed record SweepForm(string? Action, IReadOnlyDictionary<string, string> Fields)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public string? Token => Fields.GetValueOrDefault(AntiforgeryField);
}

/// <summary>Reads every form of a page, all its fields filled as rendered: what a person would submit without typing.</summary>
public static partial class SweepForms
{
    public static IReadOnlyList<SweepForm> Parse(string html) =>
        FormPattern().Matches(html)
            .Select(form =>
            {
                var body = form.Groups["body"].Value;
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (Match input in InputPattern().Matches(body))
                {
                    var attributes = Attributes(input.Groups["attributes"].Value);
                    var type = attributes.GetValueOrDefault("type")?.ToLowerInvariant();
                    if (attributes.TryGetValue("name", out var name) && type is not ("submit" or "button" or "file")
                        && (type is not ("checkbox" or "radio") || CheckedPattern().IsMatch(input.Groups["attributes"].Value)))
                    {
                        fields[name] = attributes.GetValueOrDefault("value") ?? string.Empty;
                    }
                }

                foreach (Match textarea in TextareaPattern().Matches(body))
                {
                    if (Attributes(textarea.Groups["attributes"].Value).TryGetValue("name", out var name))
                    {
                        fields[name] = WebUtility.HtmlDecode(textarea.Groups["text"].Value);
                    }
                }

                return new SweepForm(Attributes(form.Groups["attributes"].Value).GetValueOrDefault("action"), fields);
            })
            .ToList();

    private static Dictionary<string, string> Attributes(string tagAttributes) =>
        AttributePattern().Matches(tagAttributes)
            .GroupBy(match => match.Groups["name"].Value.ToLowerInvariant())
            .ToDictionary(group => group.Key, group => WebUtility.HtmlDecode(group.Last().Groups["value"].Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("<form\\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("\\bchecked\\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckedPattern();

    [GeneratedRegex("<textarea\\b(?<attributes>[^>]*)>(?<text>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("(?<name>[\\w.:\\[\\]-]+)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex AttributePattern();
}
