using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>What the unsubscribe page shows: which emails, and whether they are on now.</summary>
public sealed record UnsubscribeView(ReminderKind Kind, string KindName, bool IsOn);

/// <summary>
/// Turns off (or back on) exactly the one kind a signed unsubscribe link names, for the person it was sent to. No
/// sign-in: the link is the proof, and only while that person is still in the couple it was sent in. Bad links change
/// nothing and say why.
/// </summary>
public sealed class UnsubscribeService(UnsubscribeTokens tokens, IDbContextFactory<AppDbContext> dbFactory, ReminderScheduler scheduler, TimeProvider timeProvider, ILogger<UnsubscribeService> logger)
{
    public const string AccountGoneMessage = "The account this email was sent to no longer exists, so there is nothing left to unsubscribe from.";
    public const string RitualGoneMessage = "That ritual's reminders have already stopped: the ritual was deleted or you are no longer in that couple.";
    public const string CoupleEndedMessage = "This link came with an email from a couple that has since ended, so it no longer works. Nothing was changed; sign in to change any reminder in your settings.";

    public async Task<ServiceResult<UnsubscribeView>> DescribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        var request = tokens.Read(token);
        if (!request.Succeeded)
        {
            return ServiceResult<UnsubscribeView>.Fail(request.Failure!);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await StaleProblemAsync(db, request.Value!, cancellationToken) is { } stale)
        {
            return ServiceResult<UnsubscribeView>.Fail(stale);
        }

        if (request.Value!.RitualId is { } ritualId)
        {
            return await DescribeRitualAsync(db, request.Value, ritualId, cancellationToken);
        }

        // The row lives exactly as long as the account: no row, no account.
        var preferences = await db.ReminderPreferences.AsNoTracking().SingleOrDefaultAsync(preferences => preferences.UserId == request.Value.UserId, cancellationToken);
        return preferences is not null
            ? ServiceResult<UnsubscribeView>.Ok(new UnsubscribeView(request.Value.Kind, ReminderKindNames.Of(request.Value.Kind), preferences.IsOn(request.Value.Kind)))
            : ServiceResult<UnsubscribeView>.Fail(AccountGoneMessage);
    }

    public Task<ServiceResult<UnsubscribeView>> TurnOffAsync(string? token, CancellationToken cancellationToken = default) => SetAsync(token, on: false, cancellationToken);

    public Task<ServiceResult<UnsubscribeView>> TurnBackOnAsync(string? token, CancellationToken cancellationToken = default) => SetAsync(token, on: true, cancellationToken);

    private async Task<ServiceResult<UnsubscribeView>> SetAsync(string? token, bool on, CancellationToken cancellationToken)
    {
        var request = tokens.Read(token);
        if (!request.Succeeded)
        {
            return ServiceResult<UnsubscribeView>.Fail(request.Failure!);
        }

        var (userId, _, kind, ritual) = request.Value!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await StaleProblemAsync(db, request.Value!, cancellationToken) is { } stale)
        {
            return ServiceResult<UnsubscribeView>.Fail(stale);
        }

        if (ritual is { } ritualId)
        {
            if (!await RitualsService.SwitchReminderAsync(db, userId, ritualId, on, timeProvider.GetUtcNow(), cancellationToken))
            {
                return ServiceResult<UnsubscribeView>.Fail(RitualGoneMessage);
            }

            logger.LogInformation("A ritual's reminders turned {State} by an unsubscribe link", on ? "on" : "off");
            return await DescribeRitualAsync(db, request.Value, ritualId, cancellationToken);
        }

        var preferences = await db.ReminderPreferences.SingleOrDefaultAsync(preferences => preferences.UserId == userId, cancellationToken);
        if (preferences is null)
        {
            return ServiceResult<UnsubscribeView>.Fail(AccountGoneMessage);
        }

        if (on)
        {
            preferences.TurnOn(kind);
        }
        else
        {
            preferences.TurnOff(kind);
        }

        await scheduler.RecomputeAsync(db, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Reminder kind {Kind} turned {State} by an unsubscribe link", kind, on ? "on" : "off");
        return ServiceResult<UnsubscribeView>.Ok(new UnsubscribeView(kind, ReminderKindNames.Of(kind), on));
    }

    /// <summary>
    /// A ritual's reminders, only while the person is still in the couple the ritual belongs to. Across couples: nobody
    /// is signed in, the signed link names the person.
    /// </summary>
    private static async Task<ServiceResult<UnsubscribeView>> DescribeRitualAsync(AppDbContext db, UnsubscribeRequest request, Guid ritualId, CancellationToken cancellationToken)
    {
        var found = await db.RitualReminders.AsNoTracking().AcrossCouples()
            .Where(reminder => reminder.RitualId == ritualId && reminder.UserId == request.UserId)
            .Join(db.Rituals, reminder => reminder.RitualId, ritual => ritual.Id, (reminder, ritual) => new { reminder.IsOn, Ritual = ritual })
            .Where(row => row.Ritual.DeletedAt == null && db.CoupleMembers.Any(member => member.CoupleId == row.Ritual.CoupleId && member.UserId == request.UserId && member.LeftAt == null))
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? ServiceResult<UnsubscribeView>.Fail(RitualGoneMessage)
            : ServiceResult<UnsubscribeView>.Ok(new UnsubscribeView(request.Kind, ReminderKindNames.OfRitual(found.Ritual.Name), found.IsOn));
    }

    /// <summary>
    /// Why a well-signed link no longer works: the account is gone, or the person is no longer in the couple the link
    /// was sent in (a link sent while unpaired stops once they pair). Null while it still works.
    /// </summary>
    private static async Task<string?> StaleProblemAsync(AppDbContext db, UnsubscribeRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(user => user.Id == request.UserId, cancellationToken))
        {
            return request.RitualId is null ? AccountGoneMessage : RitualGoneMessage;
        }

        var currentCoupleId = await db.CoupleMembers.Where(member => member.UserId == request.UserId && member.LeftAt == null)
            .Select(member => (Guid?)member.CoupleId)
            .SingleOrDefaultAsync(cancellationToken);
        return currentCoupleId == request.CoupleId ? null : CoupleEndedMessage;
    }
}
