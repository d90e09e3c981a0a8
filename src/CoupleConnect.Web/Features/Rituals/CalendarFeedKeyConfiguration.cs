using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Rituals;

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
