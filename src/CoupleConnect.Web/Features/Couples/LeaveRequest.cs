namespace CoupleConnect.Web.Features.Couples;

/// <summary>What the leave form sends: how to leave, and whether the leaver's words go from what the partner keeps.</summary>
public sealed class LeaveRequest
{
    public string? Confirmation { get; set; }

    /// <summary>Leave now, but tell the partner only after <see cref="TellPartnerAfter"/> (docs/adr/0038).</summary>
    public bool Quietly { get; set; }

    public TimeSpan TellPartnerAfter { get; set; } = QuietLeaveDelays.Default;

    /// <summary>Remove everything the leaver wrote from the couple's archive as the couple ends for the partner.</summary>
    public bool RemoveMyWords { get; set; }
}

/// <summary>The delays the leave form offers; the domain accepts anything from an hour to 7 days.</summary>
public static class QuietLeaveDelays
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(1);

    public static IReadOnlyList<(TimeSpan Delay, string Label)> Choices { get; } =
    [
        (TimeSpan.FromHours(3), "In 3 hours"),
        (TimeSpan.FromHours(12), "In 12 hours"),
        (TimeSpan.FromDays(1), "In a day"),
        (TimeSpan.FromDays(3), "In 3 days"),
        (TimeSpan.FromDays(7), "In 7 days"),
    ];
}
