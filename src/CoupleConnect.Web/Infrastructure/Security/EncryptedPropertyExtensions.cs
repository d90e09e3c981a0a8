using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>The one way free text a partner writes reaches the database: marked in its configuration, converted here.</summary>
public static class EncryptedPropertyExtensions
{
    private const string EncryptedAnnotation = "CoupleConnect:Encrypted";

    public static PropertyBuilder<string> IsEncrypted(this PropertyBuilder<string> property) =>
        property.HasAnnotation(EncryptedAnnotation, true);

    /// <summary>For optional text (e.g. a reflection not written yet); null stays null in the database.</summary>
    public static PropertyBuilder<string?> IsEncryptedOptional(this PropertyBuilder<string?> property) =>
        property.HasAnnotation(EncryptedAnnotation, true);

    /// <summary>True for a property stored through the encrypting converter (on the built model, e.g. to list them all).</summary>
    public static bool IsStoredEncrypted(this IReadOnlyProperty property) => property.GetValueConverter() is EncryptedStringConverter;

    /// <summary>Call last in OnModelCreating: gives every marked property the encrypting converter.</summary>
    public static void ApplyFieldEncryption(this ModelBuilder builder, FieldEncryptor encryptor)
    {
        var converter = new EncryptedStringConverter(encryptor);
        var marked = builder.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetProperties())
            .Where(property => property.FindAnnotation(EncryptedAnnotation)?.Value is true);

        foreach (var property in marked)
        {
            property.SetValueConverter(converter);
        }
    }

    private sealed class EncryptedStringConverter(FieldEncryptor encryptor)
        : ValueConverter<string, string>(plain => encryptor.Encrypt(plain), stored => encryptor.Decrypt(stored));
}
