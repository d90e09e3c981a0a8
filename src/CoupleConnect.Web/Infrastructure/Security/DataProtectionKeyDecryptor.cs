using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Reverses <see cref="DataProtectionKeyEncryptor"/>. Data Protection creates it by the type name stored in each key's
/// XML, through its activator, which passes the app's <see cref="IServiceProvider"/>.
/// </summary>
public sealed class DataProtectionKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        if (encryptedElement.Name != DataProtectionKeyEncryptor.ElementName)
        {
            throw new CryptographicException("A Data Protection key is not in CoupleConnect's encrypted format.");
        }

        var keyId = (string?)encryptedElement.Attribute(DataProtectionKeyEncryptor.KeyIdAttribute)
            ?? throw new CryptographicException("An encrypted Data Protection key names no encryption key id.");
        var fieldEncryptor = services.GetRequiredService<FieldEncryptor>();
        var key = fieldEncryptor.TryDeriveSubkey(DataProtectionKeyEncryptor.SubkeyPurpose, keyId)
            ?? throw new CryptographicException(
                $"A Data Protection key was encrypted with encryption key '{keyId}', which is not configured. Keep retired keys in the key file.");

        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(encryptedElement.Value.Trim());
        }
        catch (FormatException)
        {
            throw new CryptographicException("An encrypted Data Protection key is not valid base64.");
        }

        const int overhead = DataProtectionKeyEncryptor.NonceSize + DataProtectionKeyEncryptor.TagSize;
        if (payload.Length < overhead)
        {
            throw new CryptographicException("An encrypted Data Protection key is too short.");
        }

        var cipherLength = payload.Length - overhead;
        var plainBytes = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, DataProtectionKeyEncryptor.TagSize);
            aes.Decrypt(
                payload.AsSpan(0, DataProtectionKeyEncryptor.NonceSize),
                payload.AsSpan(DataProtectionKeyEncryptor.NonceSize, cipherLength),
                payload.AsSpan(DataProtectionKeyEncryptor.NonceSize + cipherLength),
                plainBytes,
                DataProtectionKeyEncryptor.AssociatedData(keyId));
            return XElement.Parse(Encoding.UTF8.GetString(plainBytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plainBytes);
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
