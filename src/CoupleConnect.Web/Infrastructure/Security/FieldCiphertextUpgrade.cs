using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Part of the migrate step (docs/adr/0017): re-encrypts every field value still in the unbound v1 format as v2, bound
/// to its table and column. Values are matched by their ciphertext (unique: each has a fresh nonce), so it needs no
/// row keys, touches only v1 values, and is safe to run again or from several instances at once.
/// </summary>
public static class FieldCiphertextUpgrade
{
    public static async Task<int> BindUnboundFieldValuesAsync(this DbContext db, FieldEncryptor encryptor, CancellationToken cancellationToken = default)
    {
        var rebound = 0;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            foreach (var property in entity.GetProperties().Where(property => property.IsStoredEncrypted()))
            {
                var column = property.GetColumnName();
                var place = property.StoredPlaceOf();

                // Names come from the model, never from input; values go as parameters.
                var select = $"SELECT DISTINCT \"{column}\" AS \"Value\" FROM \"{table}\" WHERE \"{column}\" LIKE 'enc:v1:%'";
                var update = $"UPDATE \"{table}\" SET \"{column}\" = {{0}} WHERE \"{column}\" = {{1}}";
                var unbound = await db.Database.SqlQueryRaw<string>(select).ToListAsync(cancellationToken);
                foreach (var stored in unbound)
                {
                    var bound = encryptor.Encrypt(encryptor.Decrypt(stored), place);
                    rebound += await db.Database.ExecuteSqlRawAsync(update, [bound, stored], cancellationToken);
                }
            }
        }

        return rebound;
    }
}
