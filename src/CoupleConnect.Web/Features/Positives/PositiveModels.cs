using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>The "log a positive" form: a kind (required), an optional note, the day (today when left empty).</summary>
public sealed class PositiveInput
{
    public PositiveKind? Kind { get; set; }

    public string? Note { get; set; }

    public DateOnly? Day { get; set; }
}

/// <summary>One positive or gratitude entry as a partner sees it; <see cref="ByMe"/> tells which way it goes.</summary>
public sealed record PositiveView(
    Guid Id,
    PositiveKind Kind,
    string? Note,
    DateOnly Day,
    bool IsEveningGratitude,
    bool ByMe,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    DateOnly? HeartOnQuestionOf = null)
{
    /// <summary>Only the partner it is about can say it meant a lot, once.</summary>
    public bool CanAcknowledge => !ByMe && AcknowledgedAt is null;
}

/// <summary>How each kind reads in the app, in our words.</summary>
public static class PositiveKindNames
{
    /// <summary>An entry's name: evening gratitude is "Gratitude", whatever kind it is stored as.</summary>
    public static string Of(PositiveView entry) => entry.IsEveningGratitude ? Components.Shared.ConceptNames.Gratitude : Of(entry.Kind);

    public static string Of(PositiveKind kind) => kind switch
    {
        PositiveKind.SupportiveGesture => "Supportive gesture",
        PositiveKind.KindWord => "Kind word or tone",
        PositiveKind.Gratitude => "Said thank you",
        PositiveKind.Help => "Help",
        PositiveKind.Affection => "Affection",
        PositiveKind.QualityTime => "Quality time",
        PositiveKind.Other => "Something else",
        _ => "Something else",
    };
}

/// <summary>Whose entries the positives page shows.</summary>
public enum PositiveAuthor
{
    Both,
    Me,
    Partner,
}

/// <summary>Which entries the positives page shows by kind: all, evening gratitude, or one kind of small positive.</summary>
public sealed record PositiveKindChoice(string Key, string Name, bool EveningGratitude, PositiveKind? Kind)
{
    public static PositiveKindChoice All { get; } = new("all", "Every kind", false, null);

    public static PositiveKindChoice Gratitude { get; } = new("gratitude", Components.Shared.ConceptNames.Gratitude, true, null);

    public static IReadOnlyList<PositiveKindChoice> Choices { get; } =
    [
        All,
        Gratitude,
        .. Enum.GetValues<PositiveKind>().Select(kind => new PositiveKindChoice(KeyOf(kind), PositiveKindNames.Of(kind), false, kind)),
    ];

    /// <summary>The kind's name in an address; the kind stored as Gratitude is "said-thanks", since "gratitude" is the evening habit.</summary>
    public static string KeyOf(PositiveKind kind) => kind == PositiveKind.Gratitude ? "said-thanks" : kind.ToString().ToLowerInvariant();

    /// <summary>A choice from the address (?kind=help); anything unknown shows every kind.</summary>
    public static PositiveKindChoice FromKey(string? key) =>
        Choices.FirstOrDefault(choice => string.Equals(choice.Key, key, StringComparison.OrdinalIgnoreCase)) ?? All;
}

/// <summary>One page of the couple's positives, newest first, as filtered.</summary>
public sealed record PositiveList(string PartnerName, DateOnly Today, IReadOnlyList<PositiveView> Entries, bool HasMore);
