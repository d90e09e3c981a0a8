using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Infrastructure.Data.Configurations;

internal sealed class CoupleConfiguration : IEntityTypeConfiguration<Couple>
{
    public void Configure(EntityTypeBuilder<Couple> builder)
    {
        builder.ToTable("couples");
        builder.HasKey(couple => couple.Id);
        builder.Property(couple => couple.Id).ValueGeneratedNever();
        builder.Property(couple => couple.Name).HasMaxLength(CoupleName.MaxLength).IsRequired();
        builder.Property(couple => couple.HomeTimeZoneId).HasMaxLength(TimeZoneId.MaxLength).IsRequired();
        builder.Property(couple => couple.EndedById).HasMaxLength(450);
        builder.Ignore(couple => couple.IsActive);
        builder.Ignore(couple => couple.ArchiveAvailableUntil);
        builder.HasMany(couple => couple.Members).WithOne().HasForeignKey(member => member.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(couple => couple.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(couple => couple.EndedAt);
    }
}

internal sealed class CoupleMemberConfiguration : IEntityTypeConfiguration<CoupleMember>
{
    /// <summary>The rule "one active couple per person" lives here, in the database, not just in code.</summary>
    public const string OneActiveMembershipIndex = "ux_couple_members_one_active_per_user";

    public void Configure(EntityTypeBuilder<CoupleMember> builder)
    {
        builder.ToTable("couple_members");
        builder.HasKey(member => new { member.CoupleId, member.UserId });
        builder.Ignore(member => member.IsActive);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(member => member.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(member => member.UserId).IsUnique().HasFilter("left_at IS NULL").HasDatabaseName(OneActiveMembershipIndex);
    }
}

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
