using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Couples;

/// <summary>
/// Two people, paired. Exactly two active members while active; either may leave, which ends it for both. An ended
/// couple is a read-only archive each former partner can export for <see cref="ArchiveRetention"/>, then it is purged.
/// </summary>
public sealed class Couple
{
    public static readonly TimeSpan ArchiveRetention = TimeSpan.FromDays(30);

    /// <summary>Leaving quietly tells the partner no sooner than this (docs/adr/0038).</summary>
    public static readonly TimeSpan QuietLeaveShortestDelay = TimeSpan.FromHours(1);

    /// <summary>Leaving quietly tells the partner no later than this.</summary>
    public static readonly TimeSpan QuietLeaveLongestDelay = TimeSpan.FromDays(7);

    private readonly List<CoupleMember> _members = [];

    private Couple()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Defines "today" for everything the couple shares (the daily question, streaks).</summary>
    public string HomeTimeZoneId { get; private set; } = TimeZoneId.Utc.Value;

    public DateOnly? Anniversary { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedById { get; private set; }

    /// <summary>Who left quietly: already out of the couple, while the partner is not told until <see cref="TellPartnerAt"/>.</summary>
    public string? QuietLeaverId { get; private set; }

    /// <summary>When a quiet leave reaches the partner: the couple ends for them then, and they get a neutral notice.</summary>
    public DateTimeOffset? TellPartnerAt { get; private set; }

    /// <summary>The quiet leaver asked for their words to go from the archive when the couple ends for the partner.</summary>
    public bool RemoveLeaverWords { get; private set; }

    public IReadOnlyList<CoupleMember> Members => _members;

    /// <summary>
    /// Answers are revealed only when both tap "Reveal", not as soon as the second answer arrives (docs/adr/0036).
    /// Either partner turns it on alone; turning it off needs both.
    /// </summary>
    public bool RevealTogether { get; private set; }

    /// <summary>The partner who asked to turn <see cref="RevealTogether"/> off, waiting for the other to agree.</summary>
    public string? RevealTogetherEndAskedBy { get; private set; }

    public bool IsActive => EndedAt is null;

    /// <summary>One partner has left quietly; the other is still in, untold.</summary>
    public bool IsQuietLeavePending => IsActive && QuietLeaverId is not null;

    public DateTimeOffset? ArchiveAvailableUntil => EndedAt + ArchiveRetention;

    internal static Couple Form(CouplePartner inviter, CouplePartner partner, DateTimeOffset now)
    {
        if (inviter.UserId == partner.UserId)
        {
            throw new CoupleRuleException(CoupleRule.OwnInvite);
        }

        var couple = new Couple
        {
            Id = Guid.CreateVersion7(now),
            Name = CoupleName.Default(inviter.DisplayName, partner.DisplayName).Value,
            HomeTimeZoneId = inviter.TimeZone.Value,
            CreatedAt = now,
        };
        couple._members.Add(new CoupleMember(couple.Id, inviter.UserId, now));
        couple._members.Add(new CoupleMember(couple.Id, partner.UserId, now));
        return couple;
    }

    public bool HasActiveMember(string userId) => IsActive && _members.Any(member => member.UserId == userId && member.IsActive);

    public string PartnerOf(string userId) =>
        _members.FirstOrDefault(member => member.UserId != userId && _members.Any(self => self.UserId == userId))?.UserId
        ?? throw new CoupleRuleException(CoupleRule.NotAMember);

    public void Rename(string actingUserId, CoupleName name)
    {
        EnsureActiveMember(actingUserId);
        Name = name.Value;
    }

    public void ChangeHomeTimeZone(string actingUserId, TimeZoneId zone)
    {
        EnsureActiveMember(actingUserId);
        HomeTimeZoneId = zone.Value;
    }

    public void SetAnniversary(string actingUserId, DateOnly? anniversary, DateOnly today)
    {
        EnsureActiveMember(actingUserId);
        if (anniversary > today)
        {
            throw new CoupleRuleException(CoupleRule.AnniversaryInFuture);
        }

        Anniversary = anniversary;
    }

    /// <summary>Either partner turns reveal together on, alone: it only ever protects both.</summary>
    public void TurnOnRevealTogether(string actingUserId)
    {
        EnsureActiveMember(actingUserId);
        RevealTogether = true;
        RevealTogetherEndAskedBy = null;
    }

    /// <summary>
    /// Asks to turn reveal together off. It stays on until the other partner agrees; when the other had already asked,
    /// this is their agreement and it goes off now. Returns whether it is off.
    /// </summary>
    public bool AskToEndRevealTogether(string actingUserId)
    {
        EnsureActiveMember(actingUserId);
        if (!RevealTogether)
        {
            throw new CoupleRuleException(CoupleRule.RevealTogetherIsOff);
        }

        if (RevealTogetherEndAskedBy is { } asker && asker != actingUserId)
        {
            EndRevealTogether();
            return true;
        }

        RevealTogetherEndAskedBy = actingUserId;
        return false;
    }

    /// <summary>The partner who did not ask agrees, and reveal together goes off for both.</summary>
    public void AgreeToEndRevealTogether(string actingUserId)
    {
        EnsureActiveMember(actingUserId);
        if (!RevealTogether || RevealTogetherEndAskedBy is null)
        {
            throw new CoupleRuleException(CoupleRule.NoRequestToEndRevealTogether);
        }

        if (RevealTogetherEndAskedBy == actingUserId)
        {
            throw new CoupleRuleException(CoupleRule.OwnRequestToEndRevealTogether);
        }

        EndRevealTogether();
    }

    /// <summary>Either partner keeps reveal together on: the asker takes the request back, or the other declines it.</summary>
    public void KeepRevealTogether(string actingUserId)
    {
        EnsureActiveMember(actingUserId);
        RevealTogetherEndAskedBy = null;
    }

    /// <summary>Private mode is each person's own (docs/adr/0036): only they switch it, and the partner is never told.</summary>
    public void ChoosePrivateMode(string actingUserId, bool on, DateTimeOffset now)
    {
        EnsureActiveMember(actingUserId);
        _members.Single(member => member.UserId == actingUserId && member.IsActive).ChoosePrivateMode(on, now);
    }

    public bool IsPrivate(string userId) => _members.Any(member => member.UserId == userId && member.IsActive && member.IsPrivate);


    /// <summary>
    /// Either partner leaves; the couple ends for both and both become free to pair again. Returns who should be told:
    /// the partner, or nobody when the partner had already left quietly (they left first; nothing is owed to them).
    /// </summary>
    public string? Leave(string userId, DateTimeOffset now)
    {
        EnsureActiveMember(userId);
        var alreadyGone = QuietLeaverId;
        End(userId, now);
        return alreadyGone is null ? PartnerOf(userId) : null;
    }

    /// <summary>
    /// Leaves now without the partner knowing yet: the leaver is out at once (no couple, no reminders, free to pair
    /// again), while the partner's couple goes on unchanged until <paramref name="delay"/> has passed; then
    /// <see cref="EndQuietLeaveIfDue"/> ends it for them and they are told.
    /// </summary>
    public void LeaveQuietly(string userId, DateTimeOffset now, TimeSpan delay, bool removeMyWords)
    {
        EnsureActiveMember(userId);
        if (delay < QuietLeaveShortestDelay || delay > QuietLeaveLongestDelay)
        {
            throw new CoupleRuleException(CoupleRule.QuietLeaveDelay);
        }

        QuietLeaverId = userId;
        TellPartnerAt = now + delay;
        RemoveLeaverWords = removeMyWords;
        _members.Single(member => member.UserId == userId).End(now);
    }

    /// <summary>A quiet leave whose delay is over ends for the partner too. True when this call ended the couple.</summary>
    public bool EndQuietLeaveIfDue(DateTimeOffset now)
    {
        if (!IsQuietLeavePending || now < TellPartnerAt)
        {
            return false;
        }

        End(QuietLeaverId!, now);
        return true;
    }

    /// <summary>The partner a quiet leave is waiting to tell.</summary>
    public string? PartnerToTell => IsQuietLeavePending ? _members.FirstOrDefault(member => member.IsActive)?.UserId : null;

    private void End(string endedById, DateTimeOffset now)
    {
        EndedAt = now;
        EndedById = endedById;
        foreach (var member in _members)
        {
            member.End(now);
        }
    }

    public bool IsArchiveAvailableTo(string userId, DateTimeOffset now) =>
        !IsActive && now < ArchiveAvailableUntil && _members.Any(member => member.UserId == userId);

    private void EndRevealTogether()
    {
        RevealTogether = false;
        RevealTogetherEndAskedBy = null;
    }

    private void EnsureActiveMember(string userId)
    {
        if (!IsActive)
        {
            throw new CoupleRuleException(CoupleRule.CoupleEnded);
        }

        if (!HasActiveMember(userId))
        {
            throw new CoupleRuleException(CoupleRule.NotAMember);
        }
    }
}
