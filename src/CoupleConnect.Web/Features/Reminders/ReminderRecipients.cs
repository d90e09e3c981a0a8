using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>What the sender needs to know about a recipient right before sending, read for a whole batch at once.</summary>
public sealed record ReminderRecipient(
    string UserId,
    string Email,
    string DisplayName,
    TimeZoneId Zone,
    bool EmailConfirmed,
    bool AddressBounced,
    ReminderPreferences Preferences,
    ReminderCouple? Couple)
{
    /// <summary>The person chose discreet emails: subjects and previews that say nothing personal.</summary>
    public bool DiscreetEmails { get; init; }
}

/// <summary>The recipient's active couple, with the partner's name and the couple's home zone (the question's day).</summary>
public sealed record ReminderCouple(Guid CoupleId, string PartnerId, string PartnerName, TimeZoneId HomeZone, DateTimeOffset CreatedAt)
{
    /// <summary>The partner is in private mode: no "your turn" email tells about them (docs/adr/0036).</summary>
    public bool PartnerIsPrivate { get; init; }
}

internal static class ReminderRecipients
{
    public static async Task<Dictionary<string, ReminderRecipient>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(user => userIds.Contains(user.Id))
            .Select(user => new { user.Id, user.Email, user.DisplayName, user.TimeZoneId, user.EmailConfirmed, Bounced = user.EmailBouncedAt != null, user.DiscreetEmails })
            .ToListAsync(cancellationToken);
        var preferences = await db.ReminderPreferences.AsNoTracking()
            .Where(preferences => userIds.Contains(preferences.UserId))
            .ToDictionaryAsync(preferences => preferences.UserId, cancellationToken);
        var couples = await db.CoupleMembers.AsNoTracking()
            .Where(member => userIds.Contains(member.UserId) && member.LeftAt == null)
            .Select(member => new
            {
                member.UserId,
                member.CoupleId,
                Couple = db.Couples.Where(couple => couple.Id == member.CoupleId).Select(couple => new { couple.HomeTimeZoneId, couple.CreatedAt }).First(),
                Partner = db.CoupleMembers
                    .Where(other => other.CoupleId == member.CoupleId && other.UserId != member.UserId)
                    .Select(other => db.Users.Where(user => user.Id == other.UserId).Select(user => new { user.Id, user.DisplayName, IsPrivate = other.PrivateSince != null }).First())
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var coupleByUser = couples
            .Where(couple => couple.Partner is not null)
            .ToDictionary(
                couple => couple.UserId,
                couple => new ReminderCouple(couple.CoupleId, couple.Partner!.Id, couple.Partner.DisplayName, TimeZoneId.ParseOrUtc(couple.Couple.HomeTimeZoneId), couple.Couple.CreatedAt)
                {
                    PartnerIsPrivate = couple.Partner.IsPrivate,
                });

        return users.ToDictionary(
            user => user.Id,
            user => new ReminderRecipient(
                user.Id,
                user.Email ?? string.Empty,
                user.DisplayName,
                TimeZoneId.ParseOrUtc(user.TimeZoneId),
                user.EmailConfirmed,
                user.Bounced,
                preferences[user.Id],
                coupleByUser.GetValueOrDefault(user.Id))
            {
                DiscreetEmails = user.DiscreetEmails,
            });
    }
}
