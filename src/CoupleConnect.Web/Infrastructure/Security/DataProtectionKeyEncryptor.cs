using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Encrypts the secret part of each Data Protection key (its master key) before it is stored in the database, with
/// AES-256-GCM under a subkey of the field-encryption key. The database alone then cannot forge a sign-in cookie or a
/// reset, confirmation or unsubscribe token. The key id is stored beside the ciphertext so DP keys written before a
/// field-key rotation still decrypt. See docs/adr/0016-data-protection-key-encryption.md.
/// </summary>
public sealed class DataProtectionKeyEncryptor(FieldEncryptor fieldEncryptor) : IXmlEncryptor
{
    /// <summary>The HKDF purpose of the subkey: a key of its own, never the one that encrypts partners' text.</summary>
    public const string SubkeyPurpose = "CoupleConnect.DataProtection.KeyEncryption.v1";

    public static readonly XNamespace Namespace = "urn:coupleconnect:data-protection";
    public static readonly XName ElementName = Namespace + "encryptedKey";

    internal const string KeyIdAttribute = "keyId";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var keyId = fieldEncryptor.CurrentKeyId;
        var key = fieldEncryptor.DeriveSubkey(SubkeyPurpose);
        var plainBytes = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var payload = new byte[NonceSize + plainBytes.Length + TagSize];
        RandomNumberGenerator.Fill(payload.AsSpan(0, NonceSize));

        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(
                payload.AsSpan(0, NonceSize),
                plainBytes,
                payload.AsSpan(NonceSize, plainBytes.Length),
                payload.AsSpan(NonceSize + plainBytes.Length),
                AssociatedData(keyId));
        }

        CryptographicOperations.ZeroMemory(plainBytes);
        CryptographicOperations.ZeroMemory(key);
        var element = new XElement(
            ElementName,
            new XAttribute(KeyIdAttribute, keyId),
            new XComment(" Encrypted with a subkey of the CoupleConnect field-encryption key, which is kept outside the database. "),
            Convert.ToBase64String(payload));
        return new EncryptedXmlInfo(element, typeof(DataProtectionKeyDecryptor));
    }

    // Binds the ciphertext to its purpose and key id, so it cannot be passed off as anything else.
    internal static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes($"{SubkeyPurpose}:{keyId}");
}
