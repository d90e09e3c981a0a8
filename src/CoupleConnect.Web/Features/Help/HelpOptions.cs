namespace CoupleConnect.Web.Features.Help;

/// <summary>
/// What the operator adds to the "Getting help" page for their country: a directory of couples therapists and a local
/// line for urgent help. Empty by default: the page then gives neutral guidance, because a phone number the project
/// cannot keep accurate everywhere is worse than none.
/// </summary>
public sealed class HelpOptions
{
    public const string SectionName = "CoupleConnect:Help";

    /// <summary>A directory where people can find a qualified couples therapist (e.g. a national professional body's search).</summary>
    public Uri? TherapistDirectoryUrl { get; set; }

    /// <summary>The directory's name as people know it, shown as the link's text.</summary>
    public string? TherapistDirectoryName { get; set; }

    /// <summary>Where to turn now, in the operator's words, e.g. "Call 999 in an emergency, or the National Domestic Abuse Helpline on …".</summary>
    public string? UrgentHelpText { get; set; }

    /// <summary>A page of support for people who do not feel safe with their partner (shown with <see cref="UrgentHelpText"/>).</summary>
    public Uri? SafetyResourcesUrl { get; set; }

    /// <summary>That link's text.</summary>
    public string? SafetyResourcesName { get; set; }
}
