using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using Microsoft.Extensions.Time.Testing;

namespace CoupleConnect.Domain.Tests.Couples;

/// <summary>The people and the moment every pairing test starts from.</summary>
internal static class Pairing
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static CouplePartner Alex { get; } = new("alex-id", "Alex", TimeZoneId.Parse("Europe/Berlin"));

    public static CouplePartner Sam { get; } = new("sam-id", "Sam", TimeZoneId.Parse("America/New_York"));

    /// <summary>Someone who is in neither the invite nor the couple.</summary>
    public static CouplePartner Robin { get; } = new("robin-id", "Robin", TimeZoneId.Parse("Asia/Kolkata"));

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>A fixed server-side key for invite code hashes (the app derives its own from the encryption key).</summary>
    public static byte[] CodeKey { get; } = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    public static Invite InviteFrom(CouplePartner inviter, DateTimeOffset now) =>
        Invite.Issue(inviter.UserId, InviteSecret.Generate(Pairing.CodeKey), [], now);

    /// <summary>Alex invites Sam and Sam accepts straight away.</summary>
    public static Couple AlexAndSam(FakeTimeProvider clock) =>
        InviteFrom(Alex, clock.GetUtcNow()).Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());
}
