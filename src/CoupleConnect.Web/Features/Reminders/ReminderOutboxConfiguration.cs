using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Reminders;

internal sealed class ReminderOutboxConfiguration : IEntityTypeConfiguration<ReminderOutboxEntry>
{
    /// <summary>
    /// The idempotency key: at most one reminder of a kind per person, local day and channel (per ritual occurrence, time-out or
    /// talk for those kinds), however often dispatch runs. NULLS NOT DISTINCT: the daily kinds' null subject still collides.
    /// </summary>
    public const string OnePerUserKindAndDayIndex = "ux_reminder_outbox_user_kind_day_subject_channel";

    public void Configure(EntityTypeBuilder<ReminderOutboxEntry> builder)
    {
        builder.ToTable("reminder_outbox");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).UseIdentityAlwaysColumn();
        builder.Property(entry => entry.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(entry => entry.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(entry => entry.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(entry => entry.SkipReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(entry => entry.LastError).HasMaxLength(500);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(entry => entry.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(entry => new { entry.UserId, entry.Kind, entry.LocalDate, entry.SubjectId, entry.Channel }).IsUnique().AreNullsDistinct(false).HasDatabaseName(OnePerUserKindAndDayIndex);

        // The sender's "what is waiting?" stays small however long the history grows.
        builder.HasIndex(entry => entry.NextAttemptUtc).HasFilter("status = 'Pending'").HasDatabaseName("ix_reminder_outbox_pending");

        // The admin page's counts for today, and the retention purge.
        builder.HasIndex(entry => entry.DueUtc);
    }
}
