using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Accounts.Passwords;

internal sealed class PasswordFailureConfiguration : IEntityTypeConfiguration<PasswordFailure>
{
    public void Configure(EntityTypeBuilder<PasswordFailure> builder)
    {
        builder.ToTable("password_failures");
        builder.HasKey(failure => failure.Id);
        builder.Property(failure => failure.AccountKey).HasMaxLength(64).IsFixedLength();
        builder.Property(failure => failure.ClientKey).HasMaxLength(64).IsFixedLength();

        // Every password check asks "this account, this client, lately?".
        builder.HasIndex(failure => new { failure.AccountKey, failure.ClientKey, failure.FailedAt });
    }
}
