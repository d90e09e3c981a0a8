using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>
/// "Download my data": the devices that take this person's notifications and how each reminder reaches them. The push
/// addresses and keys are left out: whoever holds them can send to that device, and a download gets forwarded.
/// </summary>
internal sealed class PushPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "notifications";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var devices = await db.PushDevices.AsNoTracking().Where(device => device.UserId == user.Id).OrderBy(device => device.CreatedUtc)
            .Select(device => new { device.Name, Added = device.CreatedUtc, LastReached = device.LastDeliveredUtc })
            .ToListAsync(cancellationToken);
        var channels = await db.ReminderChannelChoices.AsNoTracking().Where(choice => choice.UserId == user.Id)
            .Select(choice => new { choice.Topic, choice.Channels })
            .ToListAsync(cancellationToken);
        return new
        {
            Devices = devices,
            Channels = channels.Select(choice => new { Reminder = TopicNames.Of(choice.Topic), By = choice.Channels.ToString() }),
        };
    }
}
