using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Reminders.Push;

internal sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> builder)
    {
        builder.ToTable("push_devices");
        builder.HasKey(device => device.Id);
        builder.Property(device => device.Endpoint).HasMaxLength(PushDevice.MaxEndpointLength);
        builder.Property(device => device.P256dh).HasMaxLength(200);
        builder.Property(device => device.Auth).HasMaxLength(200);
        builder.Property(device => device.Name).HasMaxLength(PushDeviceName.MaxLength);

        // One browser is one device, whoever signed in on it last: it never sends one person's reminders to another.
        builder.HasIndex(device => device.Endpoint).IsUnique();
        builder.HasIndex(device => device.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(device => device.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderChannelChoiceConfiguration : IEntityTypeConfiguration<ReminderChannelChoice>
{
    public void Configure(EntityTypeBuilder<ReminderChannelChoice> builder)
    {
        builder.ToTable("reminder_channel_choices");
        builder.HasKey(choice => new { choice.UserId, choice.Topic });
        builder.Property(choice => choice.Topic).HasConversion<string>().HasMaxLength(32);
        builder.Property(choice => choice.Channels).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(choice => choice.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
