using System.Security.Cryptography;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// Identity's EF user store, with every AspNetUserTokens value (the authenticator secret and the recovery codes among
/// them) encrypted at rest and bound to its row, so a dump reveals no second factor and a value copied into another
/// person's row does not decrypt. Values written before the upgrade (plaintext) are still read, and encrypted by the
/// migrate step (<see cref="PlaintextSecretsUpgrade"/>). See docs/adr/0016-data-protection-key-encryption.md.
/// </summary>
public sealed class EncryptedTokensUserStore(
    AppDbContext context,
    FieldEncryptor encryptor,
    ILogger<EncryptedTokensUserStore> logger,
    IdentityErrorDescriber describer)
    : UserOnlyStore<ApplicationUser, AppDbContext, string, IdentityUserClaim<string>, IdentityUserLogin<string>, IdentityUserToken<string>, IdentityUserPasskey<string>>(context, describer)
{
    public const string TableName = "AspNetUserTokens";

    /// <summary>The associated data a token value is bound to: its table, column and full row key.</summary>
    public static string PlaceOf(string userId, string loginProvider, string name) =>
        StoredPlace.Of(TableName, "value", userId, loginProvider, name);

    public override Task SetTokenAsync(ApplicationUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = value is null ? null : encryptor.Encrypt(value, PlaceOf(user.Id, loginProvider, name));
        return base.SetTokenAsync(user, loginProvider, name, stored, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(ApplicationUser user, string loginProvider, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (stored is null || !FieldEncryptor.IsEncryptedFormat(stored))
        {
            return stored; // written before tokens were encrypted; the migrate step encrypts it
        }

        try
        {
            return encryptor.Decrypt(stored, PlaceOf(user.Id, loginProvider, name));
        }
        catch (CryptographicException failure)
        {
            // Copied from another row, tampered with, or under a retired key: treated as absent, so the factor fails
            // closed (the code is refused) instead of the page failing or someone else's secret being used.
            logger.LogError(failure, "A stored {TokenName} token of user {UserId} could not be decrypted; it is treated as absent.", name, user.Id);
            return null;
        }
    }
}
