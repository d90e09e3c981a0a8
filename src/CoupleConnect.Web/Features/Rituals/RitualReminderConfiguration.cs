using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Rituals;

internal sealed class RitualReminderConfiguration : IEntityTypeConfiguration<RitualReminder>
{
    public void Configure(EntityTypeBuilder<RitualReminder> builder)
    {
        builder.ToTable("ritual_reminders");
        builder.HasKey(reminder => new { reminder.RitualId, reminder.UserId });
        builder.Property(reminder => reminder.NextKind).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(reminder => reminder.Lead);
        builder.HasOne<Ritual>().WithMany().HasForeignKey(reminder => reminder.RitualId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(reminder => reminder.UserId).OnDelete(DeleteBehavior.Cascade);

        // The dispatcher's "what is due?" each minute, beside the daily reminders' own.
        builder.HasIndex(reminder => reminder.NextDueUtc).HasFilter("next_due_utc IS NOT NULL");
    }
}
