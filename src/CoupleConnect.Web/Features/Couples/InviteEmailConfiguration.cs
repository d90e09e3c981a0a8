using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Couples;

internal sealed class InviteEmailConfiguration : IEntityTypeConfiguration<InviteEmailRecord>
{
    public void Configure(EntityTypeBuilder<InviteEmailRecord> builder)
    {
        builder.ToTable("invite_emails");
        builder.HasKey(sent => sent.Id);
        builder.Property(sent => sent.RecipientKey).HasMaxLength(64).IsFixedLength();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(sent => sent.SenderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(sent => new { sent.SenderId, sent.SentAt });
        builder.HasIndex(sent => new { sent.RecipientKey, sent.SentAt });
    }
}
