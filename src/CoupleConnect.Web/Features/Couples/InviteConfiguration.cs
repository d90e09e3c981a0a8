using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Couples;

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public const string OneOpenInviteIndex = "ux_invites_one_open_per_inviter";

    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("invites");
        builder.HasKey(invite => invite.Id);
        builder.Property(invite => invite.Id).ValueGeneratedNever();
        builder.Property(invite => invite.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(invite => invite.CodeHash).HasMaxLength(64).IsRequired();
        builder.Property(invite => invite.ProtectedToken).IsRequired().IsEncrypted();
        builder.Property(invite => invite.ProtectedCode).IsRequired().IsEncrypted();
        builder.Property(invite => invite.AcceptedById).HasMaxLength(450);
        builder.Property(invite => invite.Version).IsRowVersion();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(invite => invite.InviterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(invite => invite.TokenHash).IsUnique();
        builder.HasIndex(invite => invite.CodeHash).IsUnique().HasFilter("revoked_at IS NULL AND accepted_at IS NULL");
        builder.HasIndex(invite => invite.InviterId).IsUnique().HasFilter("revoked_at IS NULL AND accepted_at IS NULL").HasDatabaseName(OneOpenInviteIndex);
    }
}
