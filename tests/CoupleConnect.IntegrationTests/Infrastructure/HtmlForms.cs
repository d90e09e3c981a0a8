using System.Net;
using System.Text.RegularExpressions;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>A form as the server rendered it: where it posts, the hidden fields a browser would send back, and the fields a person fills.</summary>
public sealed record HtmlForm(string? Action, IReadOnlyDictionary<string, string> HiddenFields, IReadOnlyList<HtmlField> Fields)
{
    /// <summary>The Blazor form name (<c>FormName</c>), posted back as the hidden <c>_handler</c> field.</summary>
    public string? Handler => HiddenFields.GetValueOrDefault("_handler");
}

/// <summary>
/// A field a person fills (input other than hidden or a button, textarea, select), with the value the page rendered in it
/// and, for a select, its options' values.
/// </summary>
public sealed record HtmlField(string Name, string Type, string Value, IReadOnlyList<string> Options);

/// <summary>Just enough HTML reading for static SSR pages: forms, hidden inputs and validation messages. No browser needed.</summary>
public static partial class HtmlForms
{
    public static IReadOnlyList<HtmlForm> Parse(string html) =>
        FormPattern().Matches(html)
            .Select(form =>
            {
                var formAttributes = Attributes(form.Groups["attributes"].Value);
                var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
                {
                    var attributes = Attributes(input.Groups["attributes"].Value);
                    if (attributes.TryGetValue("type", out var type) && type.Equals("hidden", StringComparison.OrdinalIgnoreCase)
                        && attributes.TryGetValue("name", out var name))
                    {
                        hidden[name] = attributes.GetValueOrDefault("value") ?? string.Empty;
                    }
                }

                return new HtmlForm(formAttributes.GetValueOrDefault("action"), hidden, FieldsIn(form.Groups["body"].Value));
            })
            .ToList();

    /// <summary>The Blazor <c>EditForm</c> with this <c>FormName</c>.</summary>
    public static HtmlForm FindByFormName(string html, string formName)
    {
        var forms = Parse(html);
        return forms.SingleOrDefault(form => form.Handler == formName)
            ?? throw new InvalidOperationException(
                $"No form named '{formName}' on the page; forms found: [{string.Join(", ", forms.Select(form => form.Handler ?? form.Action ?? "?"))}].");
    }

    /// <summary>A plain form posting to <paramref name="actionPath"/> (relative actions resolve against the base href "/").</summary>
    public static HtmlForm FindByAction(string html, string actionPath)
    {
        var forms = Parse(html);
        return forms.SingleOrDefault(form => form.Action is { } action && ResolvePath(action).Equals(actionPath, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"No form posts to '{actionPath}'; forms found: [{string.Join(", ", forms.Select(form => form.Action ?? form.Handler ?? "?"))}].");
    }

    /// <summary>
    /// The texts of the validation messages Blazor's <c>ValidationMessage</c> rendered for a field (the register page gives
    /// each one the id "{field id}-error"), in order; decoded, so they compare with the validator's own wording.
    /// </summary>
    public static IReadOnlyList<string> ValidationMessagesFor(string html, string fieldId) =>
        MessageElements(html, fieldId).Select(match => WebUtility.HtmlDecode(match.Groups["text"].Value).Trim()).ToList();

    /// <summary>True when every validation message of the field comes after the field's own input and before the next input.</summary>
    public static bool MessagesSitBesideTheirField(string html, string fieldId)
    {
        var messages = MessageElements(html, fieldId).ToList();
        var field = Regex.Match(html, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(fieldId)}\"", RegexOptions.IgnoreCase);
        if (messages.Count == 0 || !field.Success)
        {
            return false;
        }

        var nextField = Regex.Match(html[(field.Index + field.Length)..], "<(input|select|textarea)\\b", RegexOptions.IgnoreCase);
        var nextFieldIndex = nextField.Success ? field.Index + field.Length + nextField.Index : html.Length;
        return messages.All(message => message.Index > field.Index && message.Index < nextFieldIndex);
    }

    public static string ResolvePath(string action) => new Uri(new Uri("http://localhost/"), WebUtility.HtmlDecode(action)).PathAndQuery;

    private static List<HtmlField> FieldsIn(string formBody)
    {
        var fields = new List<HtmlField>();
        foreach (Match input in InputPattern().Matches(formBody))
        {
            var attributes = Attributes(input.Groups["attributes"].Value);
            var type = attributes.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
            if (attributes.TryGetValue("name", out var name) && type is not ("hidden" or "submit" or "button" or "image" or "reset"))
            {
                fields.Add(new HtmlField(name, type, attributes.GetValueOrDefault("value") ?? string.Empty, []));
            }
        }

        foreach (Match textarea in TextAreaPattern().Matches(formBody))
        {
            if (Attributes(textarea.Groups["attributes"].Value).TryGetValue("name", out var name))
            {
                fields.Add(new HtmlField(name, "textarea", WebUtility.HtmlDecode(textarea.Groups["body"].Value), []));
            }
        }

        foreach (Match select in SelectPattern().Matches(formBody))
        {
            if (Attributes(select.Groups["attributes"].Value).TryGetValue("name", out var name))
            {
                var options = OptionPattern().Matches(select.Groups["body"].Value)
                    .Select(option => Attributes(option.Groups["attributes"].Value))
                    .ToList();
                var chosen = options.FirstOrDefault(option => option.ContainsKey("selected")) ?? options.FirstOrDefault();
                fields.Add(new HtmlField(
                    name,
                    "select",
                    chosen?.GetValueOrDefault("value") ?? string.Empty,
                    options.Select(option => option.GetValueOrDefault("value") ?? string.Empty).ToList()));
            }
        }

        return fields;
    }

    private static MatchCollection MessageElements(string html, string fieldId) =>
        Regex.Matches(html, $"<div\\b[^>]*\\bid=\"{Regex.Escape(fieldId)}-error\"[^>]*>(?<text>.*?)</div>", RegexOptions.Singleline | RegexOptions.IgnoreCase);

    private static Dictionary<string, string> Attributes(string tagAttributes) =>
        AttributePattern().Matches(tagAttributes)
            .GroupBy(match => match.Groups["name"].Value.ToLowerInvariant())
            .ToDictionary(group => group.Key, group => WebUtility.HtmlDecode(group.Last().Groups["value"].Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("<form\\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea\\b(?<attributes>[^>]*)>(?<body>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("<select\\b(?<attributes>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option\\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    // Valued (name="value") or bare (selected, required) attributes.
    [GeneratedRegex("(?<name>[\\w.:-]+)(\\s*=\\s*\"(?<value>[^\"]*)\")?")]
    private static partial Regex AttributePattern();
}
