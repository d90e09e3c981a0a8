using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// The one way free text a partner writes reaches the database: marked in its configuration, converted here. Each
/// value is bound to its table and column (docs/adr/0017): ciphertext copied into another column does not decrypt and
/// reads as <see cref="UnreadableText"/> instead.
/// </summary>
public static class EncryptedPropertyExtensions
{
    /// <summary>Shown in place of a stored text that fails its check (copied from elsewhere, or tampered with).</summary>
    public const string UnreadableText = "This text can't be shown: what is stored here doesn't belong here, so CoupleConnect won't read it.";

    private const string EncryptedAnnotation = "CoupleConnect:Encrypted";

    public static PropertyBuilder<string> IsEncrypted(this PropertyBuilder<string> property) =>
        property.HasAnnotation(EncryptedAnnotation, true);

    /// <summary>For optional text (e.g. a reflection not written yet); null stays null in the database.</summary>
    public static PropertyBuilder<string?> IsEncryptedOptional(this PropertyBuilder<string?> property) =>
        property.HasAnnotation(EncryptedAnnotation, true);

    /// <summary>True for a property stored through the encrypting converter (on the built model, e.g. to list them all).</summary>
    public static bool IsStoredEncrypted(this IReadOnlyProperty property) => property.GetValueConverter() is EncryptedStringConverter;

    /// <summary>The place (table and column) an encrypted property's values are bound to, as the converter binds them.</summary>
    public static string StoredPlaceOf(this IReadOnlyProperty property) =>
        property.GetValueConverter() is EncryptedStringConverter converter
            ? converter.Place
            : throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is not stored encrypted.");

    /// <summary>Call last in OnModelCreating: gives every marked property the encrypting converter, bound to its table and column.</summary>
    public static void ApplyFieldEncryption(this ModelBuilder builder, FieldEncryptor encryptor, ILogger? logger = null)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(property => property.FindAnnotation(EncryptedAnnotation)?.Value is true))
            {
                var table = entity.GetTableName()
                    ?? throw new InvalidOperationException($"{entity.DisplayName()} has encrypted text but no table to bind it to.");
                property.SetValueConverter(new EncryptedStringConverter(encryptor, StoredPlace.Of(table, property.GetColumnName()), logger));
            }
        }
    }

    internal static string ReadAt(FieldEncryptor encryptor, string stored, string place, ILogger? logger)
    {
        try
        {
            return encryptor.Decrypt(stored, place);
        }
        catch (CryptographicException failure)
        {
            // Never the text of another place, and never a failed page: the reader sees a plain notice, the log says where.
            logger?.LogError(failure, "A stored value in {Place} could not be decrypted there; it is shown as unreadable.", place);
            return UnreadableText;
        }
    }

    private sealed class EncryptedStringConverter(FieldEncryptor encryptor, string place, ILogger? logger)
        : ValueConverter<string, string>(plain => encryptor.Encrypt(plain, place), stored => ReadAt(encryptor, stored, place, logger))
    {
        public string Place { get; } = place;
    }
}
