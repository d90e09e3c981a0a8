using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts.Sessions;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>One of the signed-in person's devices, as their settings list it. The endpoint stays on the server (it is compared, never shown).</summary>
public sealed record PushDeviceView(Guid Id, string Name, DateOnly AddedOn, DateOnly? LastReachedOn)
{
    internal string Endpoint { get; init; } = string.Empty;
}

/// <summary>What the notification settings show: whether this server sends notifications, the person's devices and channel choices.</summary>
public sealed record PushSettings(bool ServerSendsNotifications, string? PublicKey, IReadOnlyList<PushDeviceView> Devices, IReadOnlyDictionary<ReminderTopic, ReminderChannels> Channels)
{
    /// <summary>Whether the browser's current subscription is one of this person's devices.</summary>
    public PushDeviceView? DeviceWithEndpoint(string? endpoint) => endpoint is null ? null : Devices.FirstOrDefault(device => device.Endpoint == endpoint);
}

/// <summary>
/// The signed-in person's own devices and channel choices (docs/adr/0044). Every call is scoped to the current user by
/// the server; a device id from the page is only ever looked up among theirs.
/// </summary>
public sealed class PushDeviceService(CurrentUser currentUser, AuthenticationStateProvider authentication, IDbContextFactory<AppDbContext> dbFactory, PushConfiguration push, TimeProvider timeProvider)
{
    public async Task<PushSettings?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (await currentUser.GetIdAsync() is not { } userId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = TimeZoneId.ParseOrUtc(await db.Users.Where(user => user.Id == userId).Select(user => user.TimeZoneId).SingleAsync(cancellationToken));
        // A device whose sign-in was ended takes no more notifications; the list forgets it too.
        await PushDeviceQueries.Ended(db).Where(device => device.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var devices = (await db.PushDevices.AsNoTracking().Where(device => device.UserId == userId).OrderBy(device => device.CreatedUtc).ToListAsync(cancellationToken))
            .Select(device => ViewOf(device, zone))
            .ToList();
        var saved = await db.ReminderChannelChoices.AsNoTracking().Where(choice => choice.UserId == userId).ToDictionaryAsync(choice => choice.Topic, choice => choice.Channels, cancellationToken);
        var channels = ReminderTopics.All.ToDictionary(topic => topic, topic => saved.GetValueOrDefault(topic, ReminderChannels.Email));
        return new PushSettings(push.IsOn, push.Keys?.PublicKey, devices, channels);
    }

    /// <summary>
    /// The browser on this device subscribed: remember it (or renew it; or take it over from whoever used this browser
    /// before, so their reminders stop coming here). A person's first device also turns notifications on for every
    /// reminder they never chose a channel for: that is what "turn on notifications" means to them.
    /// </summary>
    public async Task<ServiceResult<PushDeviceView>> AddThisDeviceAsync(string? endpoint, string? p256dh, string? auth, string? userAgent, CancellationToken cancellationToken = default)
    {
        if (await currentUser.GetIdAsync() is not { } userId)
        {
            return ServiceResult<PushDeviceView>.Fail("Please sign in first.");
        }

        if (!push.IsOn)
        {
            return ServiceResult<PushDeviceView>.Fail("This CoupleConnect server isn't set up to send notifications, so reminders come by email.");
        }

        if (PushDevice.ProblemWith(endpoint, p256dh, auth) is { } problem || (problem = PushEndpoints.ProblemWith(endpoint!, push.Options)) is not null)
        {
            return ServiceResult<PushDeviceView>.Fail(problem);
        }

        var sessionId = SessionClaims.SessionIdOf((await authentication.GetAuthenticationStateAsync()).User);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.PushDevices.SingleOrDefaultAsync(device => device.Endpoint == endpoint, cancellationToken);
        var firstDevice = !await db.PushDevices.AnyAsync(other => other.UserId == userId, cancellationToken);
        var isNew = device is null;
        if (device is null)
        {
            if (await db.PushDevices.CountAsync(other => other.UserId == userId, cancellationToken) >= PushDevice.MaxPerPerson)
            {
                return ServiceResult<PushDeviceView>.Fail($"You already get notifications on {PushDevice.MaxPerPerson} devices. Remove one you no longer use first.");
            }

            device = PushDevice.Create(userId, sessionId, endpoint!, p256dh!, auth!, FirstNameFor(userAgent), timeProvider.GetUtcNow());
            db.PushDevices.Add(device);
        }
        else
        {
            device.Renew(userId, sessionId, p256dh!, auth!);
        }

        if (firstDevice)
        {
            var chosen = await db.ReminderChannelChoices.Where(choice => choice.UserId == userId).Select(choice => choice.Topic).ToListAsync(cancellationToken);
            db.ReminderChannelChoices.AddRange(ReminderTopics.All.Except(chosen).Select(topic => ReminderChannelChoice.For(userId, topic, ReminderChannels.Both)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // The same browser subscribed twice at once: the other request saved it.
            return ServiceResult<PushDeviceView>.Fail("This device was just added. Reload the page to see it.");
        }

        return ServiceResult<PushDeviceView>.Ok(ViewOf(device, TimeZoneId.Utc));
    }

    /// <summary>"Chrome on Android", as the sessions list names a browser; the person can rename it.</summary>
    private static PushDeviceName FirstNameFor(string? userAgent) =>
        PushDeviceName.TryParse(DeviceDescription.FromUserAgent(userAgent), out var name, out _) ? name! : PushDeviceName.TryParse("My device", out name, out _) ? name! : throw new InvalidOperationException();

    private static PushDeviceView ViewOf(PushDevice device, TimeZoneId zone) =>
        new(device.Id, device.Name, zone.LocalDate(device.CreatedUtc), device.LastDeliveredUtc is { } last ? zone.LocalDate(last) : null) { Endpoint = device.Endpoint };

    public async Task<ServiceResult> RenameAsync(Guid deviceId, string? name, CancellationToken cancellationToken = default)
    {
        if (!PushDeviceName.TryParse(name, out var parsed, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await WithOwnDeviceAsync(deviceId, device => device.Rename(parsed!), cancellationToken);
    }

    /// <summary>Stops notifications to one of the person's devices (the browser's own subscription is ended by the page when it is this one).</summary>
    public Task<ServiceResult> RemoveAsync(Guid deviceId, CancellationToken cancellationToken = default) =>
        WithOwnDeviceAsync(deviceId, device => { }, cancellationToken, remove: true);

    /// <summary>This browser ended its subscription (turned off here, or signing out): forget it if it was the person's.</summary>
    public async Task<ServiceResult> RemoveByEndpointAsync(string? endpoint, CancellationToken cancellationToken = default)
    {
        if (await currentUser.GetIdAsync() is not { } userId)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.PushDevices.Where(device => device.UserId == userId && device.Endpoint == endpoint).ExecuteDeleteAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    /// <summary>Signing out on a browser ends its notifications: the endpoint it sent is forgotten, if it was this person's.</summary>
    public async Task ForgetOnSignOutAsync(string userId, string endpoint, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.PushDevices.Where(device => device.UserId == userId && device.Endpoint == endpoint).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<ServiceResult> ChooseAsync(ReminderTopic topic, ReminderChannels channels, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(topic) || channels is not (ReminderChannels.Email or ReminderChannels.Push or ReminderChannels.Both))
        {
            return ServiceResult.Fail("Please choose email, notifications, or both.");
        }

        if (await currentUser.GetIdAsync() is not { } userId)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var choice = await db.ReminderChannelChoices.SingleOrDefaultAsync(choice => choice.UserId == userId && choice.Topic == topic, cancellationToken);
        if (choice is null)
        {
            db.ReminderChannelChoices.Add(ReminderChannelChoice.For(userId, topic, channels));
        }
        else
        {
            choice.Change(channels);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    private async Task<ServiceResult> WithOwnDeviceAsync(Guid deviceId, Action<PushDevice> change, CancellationToken cancellationToken, bool remove = false)
    {
        if (await currentUser.GetIdAsync() is not { } userId)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.PushDevices.SingleOrDefaultAsync(device => device.Id == deviceId && device.UserId == userId, cancellationToken);
        if (device is null)
        {
            return ServiceResult.Fail("That device is no longer in your list.");
        }

        if (remove)
        {
            db.PushDevices.Remove(device);
        }
        else
        {
            change(device);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }
}
