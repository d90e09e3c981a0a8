using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.TimeOuts;

internal sealed class TimeOutConfiguration : IEntityTypeConfiguration<TimeOut>
{
    public void Configure(EntityTypeBuilder<TimeOut> builder)
    {
        builder.ToTable("time_outs");
        builder.HasKey(timeOut => timeOut.Id);
        builder.Property(timeOut => timeOut.Id).ValueGeneratedNever();
        builder.Property(timeOut => timeOut.CalledById).HasMaxLength(450);
        builder.HasIndex(timeOut => new { timeOut.CoupleId, timeOut.CalledAt });
        builder.HasOne<Couple>().WithMany().HasForeignKey(timeOut => timeOut.CoupleId).OnDelete(DeleteBehavior.Cascade);

        // Deleting an account ends its couple; the couple's time-outs go with the account, like everything it wrote.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(timeOut => timeOut.CalledById).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(timeOut => timeOut.EndsAt);
    }
}

internal sealed class TimeOutNoteConfiguration : IEntityTypeConfiguration<TimeOutNote>
{
    public void Configure(EntityTypeBuilder<TimeOutNote> builder)
    {
        builder.ToTable("time_out_notes");
        builder.HasKey(note => new { note.TimeOutId, note.AuthorId });
        builder.Property(note => note.Text).IsEncrypted();
        builder.HasOne<TimeOut>().WithMany().HasForeignKey(note => note.TimeOutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(note => note.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
