using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Reminders;

internal sealed class ReminderScheduleConfiguration : IEntityTypeConfiguration<ReminderSchedule>
{
    public void Configure(EntityTypeBuilder<ReminderSchedule> builder)
    {
        builder.ToTable("reminder_schedules");
        builder.HasKey(schedule => new { schedule.UserId, schedule.Kind });
        builder.Property(schedule => schedule.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(schedule => schedule.UserId).OnDelete(DeleteBehavior.Cascade);

        // The dispatcher asks "what is due?" every minute: keep that an index range scan.
        builder.HasIndex(schedule => schedule.NextDueUtc);
    }
}
