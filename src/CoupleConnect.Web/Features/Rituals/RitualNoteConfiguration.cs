using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Rituals;

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
