using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Couples;

internal sealed class CoupleMemberConfiguration : IEntityTypeConfiguration<CoupleMember>
{
    /// <summary>The rule "one active couple per person" lives here, in the database, not just in code.</summary>
    public const string OneActiveMembershipIndex = "ux_couple_members_one_active_per_user";

    public void Configure(EntityTypeBuilder<CoupleMember> builder)
    {
        builder.ToTable("couple_members");
        builder.HasKey(member => new { member.CoupleId, member.UserId });
        builder.Ignore(member => member.IsActive);
        builder.Ignore(member => member.IsPrivate);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(member => member.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(member => member.UserId).IsUnique().HasFilter("left_at IS NULL").HasDatabaseName(OneActiveMembershipIndex);
    }
}
