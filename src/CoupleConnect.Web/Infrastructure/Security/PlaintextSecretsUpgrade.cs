using System.Xml.Linq;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Part of the migrate step: encrypts what an installation from before docs/adr/0016 stored in plaintext: the master
/// keys of its Data Protection keys and its AspNetUserTokens values (authenticator secrets, recovery codes). Safe to
/// run again and from several instances at once: it only touches rows still in plaintext, and any encrypted form of
/// the same secret reads back the same.
/// </summary>
public static class PlaintextSecretsUpgrade
{
    // Data Protection's own XML vocabulary, as XmlKeyManager writes and reads it.
    private static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtectionNamespace + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtectionNamespace + "encryptedSecret";

    public static async Task<int> EncryptPlaintextSecretsAsync(this AppDbContext db, FieldEncryptor encryptor, CancellationToken cancellationToken = default) =>
        await EncryptDataProtectionKeysAsync(db, new DataProtectionKeyEncryptor(encryptor), cancellationToken)
        + await EncryptUserTokensAsync(db, encryptor, cancellationToken);

    private static async Task<int> EncryptDataProtectionKeysAsync(AppDbContext db, IXmlEncryptor encryptor, CancellationToken cancellationToken)
    {
        var keys = await db.DataProtectionKeys.Where(key => key.Xml != null).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var key in keys)
        {
            var element = XElement.Parse(key.Xml!);
            if (EncryptSecretsIn(element, encryptor))
            {
                key.Xml = element.ToString(SaveOptions.DisableFormatting);
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>Replaces each element marked requiresEncryption with its encrypted form, exactly as XmlKeyManager does for a new key.</summary>
    private static bool EncryptSecretsIn(XElement keyElement, IXmlEncryptor encryptor)
    {
        var secrets = keyElement.Descendants().Where(element => (bool?)element.Attribute(RequiresEncryption) == true).ToList();
        foreach (var secret in secrets)
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(
                EncryptedSecret,
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }

        return secrets.Count > 0;
    }

    private static async Task<int> EncryptUserTokensAsync(AppDbContext db, FieldEncryptor encryptor, CancellationToken cancellationToken)
    {
        var plaintext = (await db.UserTokens.Where(token => token.Value != null).ToListAsync(cancellationToken))
            .Where(token => !FieldEncryptor.IsEncryptedFormat(token.Value!))
            .ToList();
        foreach (var token in plaintext)
        {
            token.Value = encryptor.Encrypt(token.Value!, EncryptedTokensUserStore.PlaceOf(token.UserId, token.LoginProvider, token.Name));
        }

        await db.SaveChangesAsync(cancellationToken);
        return plaintext.Count;
    }
}
