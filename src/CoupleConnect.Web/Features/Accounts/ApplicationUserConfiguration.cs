using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Accounts;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.Property(user => user.TimeZoneId).HasMaxLength(ApplicationUser.TimeZoneIdMaxLength).IsRequired();
        builder.Property(user => user.CreatedAt).IsRequired();
    }
}
