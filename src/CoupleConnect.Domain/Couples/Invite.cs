namespace CoupleConnect.Domain.Couples;

public enum InviteStatus
{
    Pending,
    Expired,
    Revoked,
    Accepted,
}

/// <summary>One person's invitation to their partner: single-use, 72 hours, replaced by their next invite.</summary>
public sealed class Invite
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    private Invite()
    {
    }

    public Guid Id { get; private set; }

    public string InviterId { get; private set; } = string.Empty;

    public string TokenHash { get; private set; } = string.Empty;

    public string CodeHash { get; private set; } = string.Empty;

    /// <summary>The token and code themselves, stored encrypted so the inviter can see their link again.</summary>
    public string ProtectedToken { get; private set; } = string.Empty;

    public string ProtectedCode { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedById { get; private set; }

    /// <summary>PostgreSQL's xmin: two accepts of the same invite can't both save.</summary>
    public uint Version { get; private set; }

    /// <summary>A new invite; every earlier open invite of the same person is revoked by it.</summary>
    public static Invite Issue(string inviterId, InviteSecret secret, IEnumerable<Invite> earlierInvites, DateTimeOffset now)
    {
        foreach (var earlier in earlierInvites.Where(invite => invite.InviterId == inviterId && invite.RevokedAt is null && invite.AcceptedAt is null))
        {
            earlier.RevokedAt = now;
        }

        return new Invite
        {
            Id = Guid.CreateVersion7(now),
            InviterId = inviterId,
            TokenHash = secret.TokenHash,
            CodeHash = secret.CodeHash,
            ProtectedToken = secret.Token,
            ProtectedCode = secret.Code,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    public InviteStatus StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InviteStatus.Accepted
        : RevokedAt is not null ? InviteStatus.Revoked
        : now >= ExpiresAt ? InviteStatus.Expired
        : InviteStatus.Pending;

    /// <summary>Refuses unless the invite can still be accepted by <paramref name="userId"/>.</summary>
    public void EnsureAcceptableBy(string userId, DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case InviteStatus.Accepted:
                throw new CoupleRuleException(CoupleRule.InviteAlreadyUsed);
            case InviteStatus.Revoked:
                throw new CoupleRuleException(CoupleRule.InviteRevoked);
            case InviteStatus.Expired:
                throw new CoupleRuleException(CoupleRule.InviteExpired);
        }

        if (userId == InviterId)
        {
            throw new CoupleRuleException(CoupleRule.OwnInvite);
        }
    }

    /// <summary>
    /// Accepts the invite and forms the couple. The caller states whether either person already has an active couple;
    /// the database's unique index on active memberships enforces the same rule under concurrency.
    /// </summary>
    public Couple Accept(CouplePartner inviter, CouplePartner partner, bool inviterIsPaired, bool partnerIsPaired, DateTimeOffset now)
    {
        if (inviter.UserId != InviterId)
        {
            throw new ArgumentException("The inviter passed in is not the one who issued this invite.", nameof(inviter));
        }

        EnsureAcceptableBy(partner.UserId, now);
        if (partnerIsPaired)
        {
            throw new CoupleRuleException(CoupleRule.AlreadyPaired);
        }

        if (inviterIsPaired)
        {
            throw new CoupleRuleException(CoupleRule.InviterAlreadyPaired);
        }

        AcceptedAt = now;
        AcceptedById = partner.UserId;
        return Couple.Form(inviter, partner, now);
    }

    /// <summary>Withdraws an open invite. Revoking twice is harmless; a used invite stays used.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new CoupleRuleException(CoupleRule.InviteAlreadyUsed);
        }

        RevokedAt ??= now;
    }
}
