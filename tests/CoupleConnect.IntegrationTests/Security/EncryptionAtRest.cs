using System.Security.Cryptography;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// A partner's text goes through the one encryption path: the database only ever holds ciphertext, bound to its table,
/// column and row (docs/adr/0017).
/// </summary>
public sealed class EncryptionAtRest : IAsyncLifetime
{
    private const string PrivateAnswer = "A private answer";
    private const string OtherAnswer = "Another private answer";

    private static readonly string SecretColumn = StoredPlace.Of("encryption_probe", "secret");

    private static readonly FieldEncryptor TestEncryptor = FieldEncryptor.FromOptions(new EncryptionOptions
    {
        CurrentKeyId = "test",
        Keys = { ["test"] = CoupleConnectAppFactory.TestEncryptionKey },
    });

    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ATextWrittenThroughEfReadsBackButTheColumnHoldsOnlyCiphertext()
    {
        var id = await WriteAsync(PrivateAnswer);

        await using (var db = NewContext())
        {
            var probe = await db.Probes.SingleAsync(row => row.Id == id);
            Assert.Equal(PrivateAnswer, probe.Secret);
        }

        var raw = await ReadRawAsync(id);
        Assert.DoesNotContain(PrivateAnswer, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("private", raw, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("enc:v3:test:", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameTextWrittenTwiceIsStoredDifferently()
    {
        var firstId = await WriteAsync(PrivateAnswer);
        var secondId = await WriteAsync(PrivateAnswer);
        var first = await ReadRawAsync(firstId);
        var second = await ReadRawAsync(secondId);

        Assert.NotEqual(first, second); // a fresh nonce each time: equal answers can't be spotted in a dump
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(first, SecretOf(firstId)));
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(second, SecretOf(secondId)));
    }

    [Fact]
    public async Task AnotherKeyCannotDecryptTheColumn()
    {
        var id = await WriteAsync(PrivateAnswer);
        var raw = await ReadRawAsync(id);
        var sameIdOtherKey = new FieldEncryptor("test", new Dictionary<string, byte[]> { ["test"] = RandomNumberGenerator.GetBytes(32) });
        var otherIdOtherKey = new FieldEncryptor("other", new Dictionary<string, byte[]> { ["other"] = RandomNumberGenerator.GetBytes(32) });

        Assert.ThrowsAny<CryptographicException>(() => sameIdOtherKey.Decrypt(raw, SecretOf(id)));
        Assert.ThrowsAny<CryptographicException>(() => otherIdOtherKey.Decrypt(raw, SecretOf(id)));
    }

    [Fact]
    public async Task ATamperedColumnIsRefusedRatherThanMisread()
    {
        var id = await WriteAsync(PrivateAnswer);
        var raw = await ReadRawAsync(id);
        var payload = Convert.FromBase64String(raw["enc:v3:test:".Length..]);
        payload[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt("enc:v3:test:" + Convert.ToBase64String(payload), SecretOf(id)));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(PrivateAnswer, SecretOf(id))); // plaintext is never taken as-is
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt("enc:v2:" + raw["enc:v3:".Length..], SecretOf(id))); // nor relabelled
    }

    [Fact]
    public async Task AfterKeyRotationOldValuesStillDecryptAndNewValuesUseTheNewKey()
    {
        var id = await WriteAsync(PrivateAnswer);
        var oldRaw = await ReadRawAsync(id);
        var rotated = new FieldEncryptor("next", new Dictionary<string, byte[]>
        {
            ["test"] = Convert.FromBase64String(CoupleConnectAppFactory.TestEncryptionKey),
            ["next"] = RandomNumberGenerator.GetBytes(32),
        });

        Assert.Equal(PrivateAnswer, rotated.Decrypt(oldRaw, SecretOf(id)));
        var newRaw = rotated.EncryptForRow(PrivateAnswer, SecretOf(id));
        Assert.StartsWith("enc:v3:next:", newRaw, StringComparison.Ordinal);
        Assert.Equal(PrivateAnswer, rotated.Decrypt(newRaw, SecretOf(id)));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(newRaw, SecretOf(id))); // the old set doesn't know the new key
    }

    [Fact]
    public async Task CiphertextCopiedIntoAnotherColumnReadsAsAPlainNoticeNeverAsTheOtherText()
    {
        var id = await WriteAsync(PrivateAnswer, OtherAnswer);
        await ExecuteAsync("UPDATE encryption_probe SET other_secret = secret WHERE id = @id", id);

        await using var db = NewContext();
        var probe = await db.Probes.SingleAsync(row => row.Id == id); // reading the row does not fail

        Assert.Equal(PrivateAnswer, probe.Secret);
        Assert.Equal(EncryptedPropertyExtensions.UnreadableText, probe.OtherSecret);
        var copied = await ReadRawAsync(id);
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(copied, StoredPlace.Of("encryption_probe", "other_secret", id.ToString())));
    }

    [Fact]
    public async Task CiphertextCopiedIntoAnotherRowOfTheSameColumnReadsAsAPlainNoticeNeverAsTheOtherRowsText()
    {
        var original = await WriteAsync(PrivateAnswer);
        var other = await WriteAsync(OtherAnswer);
        await ExecuteAsync("UPDATE encryption_probe SET secret = @value WHERE id = @id", other, await ReadRawAsync(original));

        Assert.Equal(EncryptedPropertyExtensions.UnreadableText, await ReadThroughEfAsync(other));
        Assert.Equal(PrivateAnswer, await ReadThroughEfAsync(original));
    }

    [Fact]
    public async Task UnboundAndColumnBoundTextStillReadsAndTheMigrateStepBindsItToItsRowOnceEvenWhenRunAgain()
    {
        var unboundId = await WriteAsync("placeholder");
        var columnBoundId = await WriteAsync("placeholder");
        var unbound = TestEncryptor.Encrypt(PrivateAnswer); // the v1 format every version before ADR 0017 wrote
        var columnBound = TestEncryptor.Encrypt(OtherAnswer, SecretColumn); // the v2 format of the first part of ADR 0017
        Assert.StartsWith("enc:v1:test:", unbound, StringComparison.Ordinal);
        Assert.StartsWith("enc:v2:test:", columnBound, StringComparison.Ordinal);
        await ExecuteAsync("UPDATE encryption_probe SET secret = @value WHERE id = @id", unboundId, unbound);
        await ExecuteAsync("UPDATE encryption_probe SET secret = @value WHERE id = @id", columnBoundId, columnBound);
        Assert.Equal(PrivateAnswer, await ReadThroughEfAsync(unboundId));
        Assert.Equal(OtherAnswer, await ReadThroughEfAsync(columnBoundId));

        await using (var db = NewContext())
        {
            Assert.Equal(2, await db.BindFieldValuesToTheirRowsAsync(TestEncryptor));
            Assert.Equal(0, await db.BindFieldValuesToTheirRowsAsync(TestEncryptor)); // a second run finds nothing left
        }

        var (reboundUnbound, reboundColumnBound) = (await ReadRawAsync(unboundId), await ReadRawAsync(columnBoundId));
        Assert.StartsWith("enc:v3:test:", reboundUnbound, StringComparison.Ordinal);
        Assert.StartsWith("enc:v3:test:", reboundColumnBound, StringComparison.Ordinal);
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(reboundUnbound, SecretOf(unboundId)));
        Assert.Equal(OtherAnswer, TestEncryptor.Decrypt(reboundColumnBound, SecretOf(columnBoundId)));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(reboundUnbound, SecretOf(columnBoundId)));
        Assert.Equal(PrivateAnswer, await ReadThroughEfAsync(unboundId));
        Assert.Equal(OtherAnswer, await ReadThroughEfAsync(columnBoundId));
    }

    [Fact]
    public async Task TheMigrateStepLeavesAnOldValueFoundInTwoRowsUnboundRatherThanBindingACopyToTheWrongRow()
    {
        var original = await WriteAsync("placeholder");
        var copy = await WriteAsync("placeholder");
        var columnBound = TestEncryptor.Encrypt(PrivateAnswer, SecretColumn);
        await ExecuteAsync("UPDATE encryption_probe SET secret = @value WHERE id = @id", original, columnBound);
        await ExecuteAsync("UPDATE encryption_probe SET secret = @value WHERE id = @id", copy, columnBound);

        await using (var db = NewContext())
        {
            Assert.Equal(0, await db.BindFieldValuesToTheirRowsAsync(TestEncryptor));
        }

        Assert.Equal(columnBound, await ReadRawAsync(copy));
    }

    private static string SecretOf(Guid id) => StoredPlace.Of("encryption_probe", "secret", id.ToString());

    private async Task<string> ReadThroughEfAsync(Guid id)
    {
        await using var db = NewContext();
        return (await db.Probes.AsNoTracking().SingleAsync(row => row.Id == id)).Secret;
    }

    private async Task ExecuteAsync(string sql, Guid id, string? value = null)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        if (value is not null)
        {
            command.Parameters.AddWithValue("value", value);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<Guid> WriteAsync(string text, string? other = null)
    {
        await using var db = NewContext();
        var probe = new EncryptionProbe { Id = Guid.NewGuid(), Secret = text, OtherSecret = other };
        db.Probes.Add(probe);
        await db.SaveChangesAsync();
        return probe.Id;
    }

    private async Task<string> ReadRawAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT secret FROM encryption_probe WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private ProbeDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ProbeDbContext>().UseNpgsql(_database.ConnectionString).AddInterceptors(RowBoundFieldInterceptor.All).Options);

    private sealed class EncryptionProbe
    {
        public Guid Id { get; set; }

        public string Secret { get; set; } = string.Empty;

        public string? OtherSecret { get; set; }
    }

    private sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options), IEncryptedFieldsContext
    {
        public FieldEncryptor FieldEncryptor => TestEncryptor;

        public ILogger? FieldEncryptionLogger => null;

        public DbSet<EncryptionProbe> Probes => Set<EncryptionProbe>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<EncryptionProbe>(probe =>
            {
                probe.ToTable("encryption_probe");
                probe.Property(row => row.Id).HasColumnName("id").ValueGeneratedNever();
                probe.Property(row => row.Secret).HasColumnName("secret").IsEncrypted();
                probe.Property(row => row.OtherSecret).HasColumnName("other_secret").IsEncryptedOptional();
            });
            modelBuilder.ApplyFieldEncryption();
        }
    }
}
