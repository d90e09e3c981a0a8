namespace CoupleConnect.Domain.Rituals;

/// <summary>
/// Which templates the rituals page suggests to a couple: never one they already keep (started from it, or under
/// its name), and never "gratitude before sleep", which the built-in evening gratitude already is (it has its own
/// page and reminder, so a second, ritual-shaped copy would ask the same thing twice each night).
/// </summary>
public static class RitualSuggestions
{
    /// <summary>Templates that duplicate something every couple has built in, with the reason the page gives instead.</summary>
    public static IReadOnlyDictionary<string, string> BuiltIn { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RitualTemplates.EveningGratitude.Key] = "Thanks before sleep is built in: Gratitude asks each of you every evening, with its own reminder.",
    };

    /// <summary>The templates worth suggesting to a couple who keep <paramref name="kept"/> (their rituals not stopped).</summary>
    public static IReadOnlyList<RitualTemplate> For(IEnumerable<KeptRitual> kept)
    {
        var rituals = kept.ToList();
        return RitualTemplates.All
            .Where(template => !BuiltIn.ContainsKey(template.Key))
            .Where(template => !rituals.Any(ritual => ritual.IsFrom(template)))
            .ToList();
    }
}

/// <summary>A ritual the couple keeps, as far as suggestions care: the template it started from, and its name.</summary>
public sealed record KeptRitual(string? TemplateKey, string Name)
{
    /// <summary>Started from the template, or renamed back to it: either way the couple already has it.</summary>
    public bool IsFrom(RitualTemplate template) =>
        TemplateKey == template.Key || string.Equals(Name.Trim(), template.Name, StringComparison.OrdinalIgnoreCase);
}
