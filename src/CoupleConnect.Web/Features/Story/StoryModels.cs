using CoupleConnect.Domain.Story;

namespace CoupleConnect.Web.Features.Story;

/// <summary>What a person types for a moment; the page's form binds to it.</summary>
public sealed class MomentForm
{
    public string? Title { get; set; }

    public DateOnly? Day { get; set; }

    public string? RoughTime { get; set; }

    public string? Text { get; set; }

    public bool HardTime { get; set; }

    public static MomentForm From(MomentView moment) => new()
    {
        Title = moment.Title,
        Day = moment.Day,
        RoughTime = moment.RoughTime,
        Text = moment.Text,
        HardTime = moment.HardTime,
    };

    public static MomentForm From(StoryPrompt prompt, DateOnly today) => new() { Title = prompt.Title, HardTime = prompt.HardTime, Day = today };
}

/// <summary>One side of a moment: whose, and the words.</summary>
public sealed record SideView(string AuthorName, bool Mine, string Text);

/// <summary>
/// One moment as the page shows it. <see cref="Removed"/>: its writer took their words back and only the partner's side
/// remains. <see cref="OtherSide"/> is the side of the partner who did not write the moment.
/// </summary>
public sealed record MomentView(
    Guid Id,
    string AuthorName,
    bool Mine,
    string Title,
    DateOnly Day,
    string? RoughTime,
    string? Text,
    bool HardTime,
    bool Removed,
    SideView? OtherSide)
{
    /// <summary>A side belongs to the partner who did not write the moment, once, while the moment has its words.</summary>
    public bool ICanAddMySide => !Mine && !Removed && OtherSide is null;
}

/// <summary>The whole story, oldest first.</summary>
public sealed record StoryView(string MyName, string PartnerName, DateOnly Today, IReadOnlyList<MomentView> Moments);
