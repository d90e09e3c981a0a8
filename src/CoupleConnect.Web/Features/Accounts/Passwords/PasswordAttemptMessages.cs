using CoupleConnect.Web.Infrastructure.Time;

namespace CoupleConnect.Web.Features.Accounts.Passwords;

public static class PasswordAttemptMessages
{
    /// <summary>For a signed-in person, who may see when the pause ends in their own time zone.</summary>
    public static string Paused(DateTimeOffset until, string timeZoneId) =>
        $"Error: There were several wrong passwords from this device, so we've paused password checks here until {LocalTimeFormat.DayAndTime(until, timeZoneId)}. " +
        "If you've forgotten it, sign out and reset it by email.";
}
