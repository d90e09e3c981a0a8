using System.Threading.RateLimiting;
using CoupleConnect.Web.Infrastructure;

namespace CoupleConnect.Web.Features.Couples;

public sealed class CouplesOptions
{
    public const string SectionName = "CoupleConnect:Couples";

    /// <summary>Invite creations, invite emails, code entries and joins per person per minute (so codes can't be guessed).</summary>
    public int ActionsPerMinute { get; set; } = 10;

    /// <summary>Invite emails one person may send in 24 hours (the link and code can always be shared another way).</summary>
    public int InviteEmailsPerDay { get; set; } = 5;

    /// <summary>Invite emails one address may receive in 24 hours, from everyone together.</summary>
    public int InviteEmailsPerRecipientPerDay { get; set; } = 3;
}

/// <summary>
/// Actions inside a Blazor circuit never pass the HTTP rate limiter, so the feature throttles itself per person.
/// </summary>
public sealed class UserActionThrottle : IDisposable
{
    public const string TooManyMessage = "That's a lot of tries in a short time. Please wait a minute and try again.";

    private readonly PartitionedRateLimiter<string> _limiter;

    public UserActionThrottle(Microsoft.Extensions.Options.IOptions<CouplesOptions> options)
    {
        _limiter = PerMinuteLimiter.Create(options.Value.ActionsPerMinute);
    }

    /// <summary>True when <paramref name="userId"/> may act now; counts the attempt.</summary>
    public bool TryAcquire(string userId) => _limiter.TryAcquire(userId);

    public void Dispose() => _limiter.Dispose();
}
