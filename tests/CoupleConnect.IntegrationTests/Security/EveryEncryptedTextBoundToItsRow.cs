using System.Collections;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Every encrypted property of the EF model (listed from the model, so a new one is covered without touching this test)
/// is written as v3 ciphertext bound to its row, reads back exactly in a fresh context, and reads as the unreadable
/// notice once copied into another row of its column (docs/adr/0017). Rows of every such entity come from the secrets
/// journey (which checks it writes one of each).
/// </summary>
public sealed class EveryEncryptedTextBoundToItsRow(SecretsJourneyAppFixture app) : IClassFixture<SecretsJourneyAppFixture>
{
    [Fact]
    public async Task EveryEncryptedPropertyRoundTripsThroughASaveAndAFreshReadAndIsStoredBoundToItsRow()
    {
        await app.JourneyAsync();
        var written = new List<(IEntityType Entity, IProperty Property, object[] Key, string Text)>();
        await using (var db = await NewContextAsync())
        {
            foreach (var (entity, properties) in EncryptedEntities(db))
            {
                var rows = await RowsAsync(db, entity);
                Assert.True(rows.Count > 0, $"The journey wrote no row of {entity.DisplayName()}.");
                foreach (var row in rows)
                {
                    var entry = db.Entry(row);
                    var key = entity.FindPrimaryKey()!.Properties.Select(key => entry.Property(key.Name).CurrentValue!).ToArray();
                    foreach (var property in properties)
                    {
                        var text = $"{entity.ClrType.Name}.{property.Name} \n«{Guid.NewGuid():N}» <b>&</b> ❤️";
                        entry.Property(property.Name).CurrentValue = text;
                        written.Add((entity, property, key, text));
                    }
                }
            }

            await db.SaveChangesAsync();

            // After the save the entities hold the text, not the ciphertext, and have nothing left to save.
            Assert.All(written, row => Assert.Equal(row.Text, db.Find(row.Entity.ClrType, row.Key) is { } found ? db.Entry(found).Property(row.Property.Name).CurrentValue : null));
            Assert.False(db.ChangeTracker.HasChanges());
        }

        Assert.True(written.Select(row => (row.Entity, row.Property)).Distinct().Count() >= 12, "Fewer encrypted properties than the model had when this test was written.");
        await using (var fresh = await NewContextAsync())
        {
            foreach (var (entity, property, key, text) in written)
            {
                var found = await FindAcrossCouplesAsync(fresh, entity, key);
                Assert.NotNull(found);
                Assert.Equal(text, fresh.Entry(found).Property(property.Name).CurrentValue);
            }

            Assert.False(fresh.ChangeTracker.HasChanges()); // decrypting on read marks nothing modified
        }

        foreach (var (entity, property, key, text) in written)
        {
            var stored = await StoredAsync(entity, property, key);
            Assert.StartsWith(FieldEncryptor.RowBoundPrefix, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(text[..10], stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryEncryptedPropertyCopiedIntoAnotherRowOfItsColumnReadsAsTheNotice()
    {
        await app.JourneyAsync();
        await using var db = await NewContextAsync();
        foreach (var (entity, properties) in EncryptedEntities(db))
        {
            // A row of its own to copy into, so the journey's rows stay as they were.
            var rows = await RowsAsync(db, entity);
            var source = rows.First();
            var keyOf = (object row) => entity.FindPrimaryKey()!.Properties.Select(key => db.Entry(row).Property(key.Name).CurrentValue!).ToArray();
            foreach (var property in properties.Where(property => db.Entry(source).Property(property.Name).CurrentValue is not null))
            {
                var target = rows.Skip(1).FirstOrDefault(row => db.Entry(row).Property(property.Name).CurrentValue is not null);
                if (target is null)
                {
                    continue; // one row only: copying into another column is covered by EncryptionAtRest
                }

                await CopyAsync(entity, property, keyOf(source), keyOf(target));
                await using var fresh = await NewContextAsync();
                var read = await FindAcrossCouplesAsync(fresh, entity, keyOf(target));
                Assert.Equal(EncryptedPropertyExtensions.UnreadableText, fresh.Entry(read!).Property(property.Name).CurrentValue);
            }
        }
    }

    private static List<(IEntityType Entity, List<IProperty> Properties)> EncryptedEntities(DbContext db) =>
        [.. db.Model.GetEntityTypes()
            .Where(entity => !entity.IsOwned())
            .Select(entity => (Entity: entity, Properties: entity.GetProperties().Where(property => property.IsStoredEncrypted()).ToList()))
            .Where(found => found.Properties.Count > 0)];

    private static async Task<List<object>> RowsAsync(DbContext db, IEntityType entity)
    {
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
        return await set.IgnoreQueryFilters().ToListAsync();
    }

    /// <summary>A row by key, whichever couple owns it: this test sweeps the whole database (docs/adr/0025).</summary>
    private static async Task<object?> FindAcrossCouplesAsync(DbContext db, IEntityType entity, object[] key)
    {
        await RowsAsync(db, entity); // tracked: Find answers from them without a filtered query
        return db.Find(entity.ClrType, key);
    }

    private async Task<AppDbContext> NewContextAsync() =>
        await app.ClockedFactory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<string> StoredAsync(IEntityType entity, IProperty property, object[] key)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT \"{property.GetColumnName()}\" FROM \"{entity.GetTableName()}\" WHERE {KeyFilter(entity, "")}", connection);
        AddKey(command, entity, key, "");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task CopyAsync(IEntityType entity, IProperty property, object[] from, object[] into)
    {
        var table = $"\"{entity.GetTableName()}\"";
        var column = $"\"{property.GetColumnName()}\"";
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"UPDATE {table} SET {column} = (SELECT {column} FROM {table} WHERE {KeyFilter(entity, "from_")}) WHERE {KeyFilter(entity, "into_")}", connection);
        AddKey(command, entity, from, "from_");
        AddKey(command, entity, into, "into_");
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static string KeyFilter(IEntityType entity, string prefix) =>
        string.Join(" AND ", entity.FindPrimaryKey()!.Properties.Select(key => $"\"{key.GetColumnName()}\" = @{prefix}{key.GetColumnName()}"));

    private static void AddKey(NpgsqlCommand command, IEntityType entity, IList key, string prefix)
    {
        var keys = entity.FindPrimaryKey()!.Properties;
        for (var i = 0; i < keys.Count; i++)
        {
            command.Parameters.AddWithValue(prefix + keys[i].GetColumnName(), key[i]!);
        }
    }
}
