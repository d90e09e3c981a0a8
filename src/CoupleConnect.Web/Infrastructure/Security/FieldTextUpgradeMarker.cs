using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// The migrate step's record that every field text of this installation is bound to its row (docs/adr/0017). From then
/// on older formats are refused when read and nothing is rebound, so an old value pasted into a row (from a backup, say)
/// is neither read nor turned into a value bound to its new row.
/// </summary>
public sealed class FieldTextUpgradeMarker
{
    public const int TheOnly = 1;

    public int Id { get; set; } = TheOnly;

    public DateTimeOffset CompletedAt { get; set; }
}

internal sealed class FieldTextUpgradeMarkerConfiguration : IEntityTypeConfiguration<FieldTextUpgradeMarker>
{
    public void Configure(EntityTypeBuilder<FieldTextUpgradeMarker> builder)
    {
        builder.ToTable("field_text_upgrade");
        builder.HasKey(marker => marker.Id);
        builder.Property(marker => marker.Id).ValueGeneratedNever();
    }
}
