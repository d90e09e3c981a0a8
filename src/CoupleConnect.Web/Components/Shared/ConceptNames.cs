namespace CoupleConnect.Web.Components.Shared;

/// <summary>
/// One name per concept in the app's pages (issue 15 item 11): navigation, headings, feeds and settings all say these
/// words, and an architecture test refuses the old second names ("Evening gratitude", "Tonight's gratitude") in pages.
/// </summary>
public static class ConceptNames
{
    /// <summary>The built-in evening habit: one thing you appreciated about your partner today.</summary>
    public const string Gratitude = "Gratitude";

    /// <summary>Everything either of you noticed about the other, gratitude included.</summary>
    public const string Positives = "Small positives";

    /// <summary>The short label the phone's bottom bar has room for.</summary>
    public const string PositivesShort = "Noticed";

    public const string Reminders = "Reminders";

    public const string Rituals = "Rituals";

    public const string TodaysQuestion = "Today's question";
}
