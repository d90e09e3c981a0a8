using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Temperature;

internal sealed class TemperatureAnswerConfiguration : IEntityTypeConfiguration<TemperatureAnswer>
{
    public void Configure(EntityTypeBuilder<TemperatureAnswer> builder)
    {
        builder.ToTable("temperature_answers");
        builder.HasKey(answer => answer.Id);
        builder.Property(answer => answer.Id).ValueGeneratedNever();
        builder.Property(answer => answer.Gain).IsEncrypted();
        builder.Property(answer => answer.Wish).IsEncrypted();
        builder.HasOne<Couple>().WithMany().HasForeignKey(answer => answer.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(answer => answer.AuthorId).OnDelete(DeleteBehavior.Cascade);

        // One answer per partner per week.
        builder.HasIndex(answer => new { answer.CoupleId, answer.WeekOf, answer.AuthorId }).IsUnique();
    }
}
