namespace CoupleConnect.Domain.Couples;

/// <summary>One person's membership. Active while <see cref="LeftAt"/> is null; the database allows one active membership per person.</summary>
public sealed class CoupleMember
{
    private CoupleMember()
    {
    }

    internal CoupleMember(Guid coupleId, string userId, DateTimeOffset joinedAt)
    {
        CoupleId = coupleId;
        UserId = userId;
        JoinedAt = joinedAt;
    }

    public Guid CoupleId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsActive => LeftAt is null;

    /// <summary>When this person turned private mode on (docs/adr/0036); null while it is off. Only they ever see it.</summary>
    public DateTimeOffset? PrivateSince { get; private set; }

    public bool IsPrivate => PrivateSince is not null;

    internal void End(DateTimeOffset now) => LeftAt ??= now;

    internal void ChoosePrivateMode(bool on, DateTimeOffset now) => PrivateSince = on ? PrivateSince ?? now : null;
}
