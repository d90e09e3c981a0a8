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

    internal void End(DateTimeOffset now) => LeftAt ??= now;
}
