using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Infrastructure.Data.Configurations;

internal sealed class RitualConfiguration : IEntityTypeConfiguration<Ritual>
{
    public void Configure(EntityTypeBuilder<Ritual> builder)
    {
        builder.ToTable("rituals");
        builder.HasKey(ritual => ritual.Id);
        builder.Property(ritual => ritual.Id).ValueGeneratedNever();
        builder.Property(ritual => ritual.TemplateKey).HasMaxLength(40);
        builder.Property(ritual => ritual.Name).IsEncrypted();
        builder.Property(ritual => ritual.Description).IsEncryptedOptional();
        builder.Property(ritual => ritual.Repeat).HasConversion<string>().HasMaxLength(32);
        builder.Property(ritual => ritual.NthWeekday).HasConversion<string>().HasMaxLength(16);
        builder.Property(ritual => ritual.CreatedById).HasMaxLength(450);
        builder.Ignore(ritual => ritual.Schedule);
        builder.Ignore(ritual => ritual.IsDeleted);
        builder.Ignore(ritual => ritual.IsMonthlyReflection);
        builder.HasOne<Couple>().WithMany().HasForeignKey(ritual => ritual.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(ritual => ritual.CoupleId);
    }
}

internal sealed class RitualOutcomeConfiguration : IEntityTypeConfiguration<RitualOutcome>
{
    public void Configure(EntityTypeBuilder<RitualOutcome> builder)
    {
        builder.ToTable("ritual_outcomes");
        builder.HasKey(outcome => outcome.Id);
        builder.Property(outcome => outcome.Id).ValueGeneratedNever();
        builder.Property(outcome => outcome.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(outcome => outcome.MarkedById).HasMaxLength(450);
        builder.HasOne<Ritual>().WithMany().HasForeignKey(outcome => outcome.RitualId).OnDelete(DeleteBehavior.Cascade);

        // One outcome per occurrence: two partners marking at once update the same row.
        builder.HasIndex(outcome => new { outcome.RitualId, outcome.Day }).IsUnique();
        builder.HasIndex(outcome => new { outcome.CoupleId, outcome.Day });
    }
}

internal sealed class RitualNoteConfiguration : IEntityTypeConfiguration<RitualNote>
{
    public void Configure(EntityTypeBuilder<RitualNote> builder)
    {
        builder.ToTable("ritual_notes");
        builder.HasKey(note => new { note.RitualId, note.Day, note.AuthorId });
        builder.Property(note => note.Text).IsEncrypted();
        builder.HasOne<Ritual>().WithMany().HasForeignKey(note => note.RitualId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(note => note.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonthlyReflectionConfiguration : IEntityTypeConfiguration<MonthlyReflection>
{
    public void Configure(EntityTypeBuilder<MonthlyReflection> builder)
    {
        builder.ToTable("monthly_reflections");
        builder.HasKey(reflection => new { reflection.RitualId, reflection.Day, reflection.AuthorId });
        builder.Property(reflection => reflection.WentWell).IsEncrypted();
        builder.Property(reflection => reflection.Goal).IsEncrypted();
        builder.HasOne<Ritual>().WithMany().HasForeignKey(reflection => reflection.RitualId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(reflection => reflection.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

        // The dispatcher's "what is due?" each minute, beside the daily nudges' own.
        builder.HasIndex(reminder => reminder.NextDueUtc).HasFilter("next_due_utc IS NOT NULL");
    }
}

internal sealed class CalendarFeedKeyConfiguration : IEntityTypeConfiguration<CalendarFeedKey>
{
    public void Configure(EntityTypeBuilder<CalendarFeedKey> builder)
    {
        builder.ToTable("calendar_feed_keys");
        builder.HasKey(key => key.UserId);
        builder.Property(key => key.Token).IsEncrypted();
        builder.HasIndex(key => key.TokenHash).IsUnique();
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<CalendarFeedKey>(key => key.UserId).OnDelete(DeleteBehavior.Cascade);

        // Ending a couple deletes its addresses itself; this only catches the purge of an ended couple's archive.
        builder.HasOne<Couple>().WithMany().HasForeignKey(key => key.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(key => key.CoupleId);
    }
}
