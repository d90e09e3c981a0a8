using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Part of the migrate step (docs/adr/0017): re-encrypts every field value still in an older format (v1 unbound, v2 bound
/// to its column) as v3, bound to its row. It reads each row's key columns beside the value and writes only if the value
/// is still the one it read (compare-and-set), so it touches only old values, never overwrites a newer edit, and is safe
/// to run again or from several instances at once. A value that does not decrypt where it is, or the same ciphertext
/// found in two rows (copied: every encryption has a fresh nonce), is left as it is and logged; it keeps reading as the
/// unreadable notice or as before. When it has been through every column once it writes <see cref="FieldTextUpgradeMarker"/>;
/// from then on it rebinds nothing and older formats are refused when read.
/// </summary>
public static class FieldCiphertextUpgrade
{
    private const int BatchSize = 500;

    public static async Task<int> BindFieldValuesToTheirRowsAsync(this DbContext db, FieldEncryptor encryptor, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var rebound = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var marked = await MarkerStateAsync(connection, cancellationToken);
            if (marked == Marker.Written)
            {
                encryptor.RefuseUnboundFieldText(); // done before: an old value found now was put there since
                return 0;
            }

            foreach (var entity in db.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties().Where(property => property.IsStoredEncrypted()))
                {
                    rebound += await BindColumnAsync(connection, entity, property, encryptor, logger, cancellationToken);
                }
            }

            if (marked == Marker.NotYet)
            {
                await ExecuteAsync(connection, $"INSERT INTO {MarkerTable} (id, completed_at) VALUES (@id, now()) ON CONFLICT (id) DO NOTHING", [("id", FieldTextUpgradeMarker.TheOnly)], cancellationToken);
                encryptor.RefuseUnboundFieldText();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rebound;
    }

    private static async Task<int> BindColumnAsync(DbConnection connection, IEntityType entity, IProperty property, FieldEncryptor encryptor, ILogger? logger, CancellationToken cancellationToken)
    {
        // Names come from the model, never from input; values go as parameters.
        var table = Quote(entity.GetTableName()!);
        var column = Quote(property.GetColumnName());
        var keys = entity.FindPrimaryKey()!.Properties;
        var keyColumns = keys.Select(key => Quote(key.GetColumnName())).ToList();

        // As StoredPlace.KeyText writes them (a date's ::text would follow the server's DateStyle).
        var keyTexts = keys.Select(key => key.ClrType == typeof(DateOnly) ? $"to_char({Quote(key.GetColumnName())}, 'YYYY-MM-DD')" : $"{Quote(key.GetColumnName())}::text");
        var older = $"({column} LIKE '{FieldEncryptor.Prefix}%' OR {column} LIKE '{FieldEncryptor.BoundPrefix}%')";

        var copied = await ReadAsync(connection, $"SELECT {column} FROM {table} WHERE {older} GROUP BY {column} HAVING count(*) > 1", [], reader => reader.GetString(0), cancellationToken);
        if (copied.Count > 0)
        {
            logger?.LogWarning("{Count} values in {Place} are stored in more than one row; they are left unbound.", copied.Count, property.StoredPlaceOf());
        }

        var rebound = 0;
        var leftAsTheyAre = 0;
        while (true)
        {
            // Rows rebound drop out of the filter; the ones left (in key order, all before the rest) are skipped by the offset.
            var batch = await ReadAsync(
                connection,
                $"SELECT ctid::text, {column}, {string.Join(", ", keyTexts)} FROM {table} WHERE {older} " +
                $"ORDER BY {string.Join(", ", keyColumns)} LIMIT {BatchSize} OFFSET {leftAsTheyAre}",
                [],
                reader => (Tid: reader.GetString(0), Stored: reader.GetString(1), Key: Enumerable.Range(2, keyColumns.Count).Select(reader.GetString).ToList()),
                cancellationToken);
            if (batch.Count == 0)
            {
                return rebound;
            }

            foreach (var (tid, stored, key) in batch)
            {
                if (copied.Contains(stored) || TryRead(encryptor, stored, property, logger) is not { } text)
                {
                    leftAsTheyAre++;
                    continue;
                }

                var bound = encryptor.EncryptForRow(text, property.RowPlaceOf(key));
                rebound += await ExecuteAsync(connection, $"UPDATE {table} SET {column} = @bound WHERE ctid = @tid::tid AND {column} = @stored", [("bound", bound), ("tid", tid), ("stored", stored)], cancellationToken);
            }
        }
    }

    private static string? TryRead(FieldEncryptor encryptor, string stored, IProperty property, ILogger? logger)
    {
        try
        {
            return stored.StartsWith(FieldEncryptor.Prefix, StringComparison.Ordinal) ? encryptor.Decrypt(stored) : encryptor.Decrypt(stored, property.StoredPlaceOf());
        }
        catch (CryptographicException failure)
        {
            logger?.LogWarning(failure, "A value in {Place} does not decrypt there; it is left as it is.", property.StoredPlaceOf());
            return null;
        }
    }

    private const string MarkerTable = "field_text_upgrade";

    private enum Marker
    {
        NoTable, // a database without this app's migrations (a test probe): bind, mark nothing
        NotYet,
        Written,
    }

    private static async Task<Marker> MarkerStateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var hasTable = (await ReadAsync(connection, $"SELECT to_regclass('{MarkerTable}') IS NOT NULL", [], reader => reader.GetBoolean(0), cancellationToken))[0];
        return !hasTable ? Marker.NoTable
            : (await ReadAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {MarkerTable})", [], reader => reader.GetBoolean(0), cancellationToken))[0] ? Marker.Written
            : Marker.NotYet;
    }

    private static string Quote(string name) => $"\"{name}\"";

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, (string Name, object Value)[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
