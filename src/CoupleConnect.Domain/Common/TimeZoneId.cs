namespace CoupleConnect.Domain.Common;

/// <summary>An IANA time zone id that this machine knows, such as "Europe/Berlin".</summary>
public sealed record TimeZoneId
{
    public const int MaxLength = 64;

    private TimeZoneId(string value, TimeZoneInfo zone)
    {
        Value = value;
        Zone = zone;
    }

    public string Value { get; }

    public TimeZoneInfo Zone { get; }

    public static TimeZoneId Utc { get; } = Parse("Etc/UTC");

    /// <summary>Accepts IANA ids only: Windows ids ("W. Europe Standard Time") are refused so every stored zone reads the same way.</summary>
    public static bool TryParse(string? value, out TimeZoneId? timeZone)
    {
        timeZone = null;
        var candidate = value?.Trim();
        if (string.IsNullOrEmpty(candidate) || candidate.Length > MaxLength)
        {
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(candidate, out var zone) || !zone.HasIanaId)
        {
            return false;
        }

        timeZone = new TimeZoneId(candidate, zone);
        return true;
    }

    /// <summary>A stored zone, read back: validated on the way in, so UTC here only covers data from before a tzdata change.</summary>
    public static TimeZoneId ParseOrUtc(string? value) => TryParse(value, out var zone) ? zone! : Utc;

    public static TimeZoneId Parse(string value) =>
        TryParse(value, out var zone) ? zone! : throw new ArgumentException($"'{value}' is not a known IANA time zone.", nameof(value));

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public override string ToString() => Value;
}
