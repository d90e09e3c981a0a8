using System.Security.Cryptography;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// A partner's text goes through the one encrypting converter: the database only ever holds ciphertext, bound to its
/// table and column (docs/adr/0017).
/// </summary>
public sealed class EncryptionAtRest : IAsyncLifetime
{
    private const string PrivateAnswer = "A private answer";
    private const string OtherAnswer = "Another private answer";

    private static readonly string SecretPlace = StoredPlace.Of("encryption_probe", "secret");
    private static readonly string OtherPlace = StoredPlace.Of("encryption_probe", "other_secret");

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
        Assert.StartsWith("enc:v2:test:", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameTextWrittenTwiceIsStoredDifferently()
    {
        var first = await ReadRawAsync(await WriteAsync(PrivateAnswer));
        var second = await ReadRawAsync(await WriteAsync(PrivateAnswer));

        Assert.NotEqual(first, second); // a fresh nonce each time: equal answers can't be spotted in a dump
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(first, SecretPlace));
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(second, SecretPlace));
    }

    [Fact]
    public async Task AnotherKeyCannotDecryptTheColumn()
    {
        var raw = await ReadRawAsync(await WriteAsync(PrivateAnswer));
        var sameIdOtherKey = new FieldEncryptor("test", new Dictionary<string, byte[]> { ["test"] = RandomNumberGenerator.GetBytes(32) });
        var otherIdOtherKey = new FieldEncryptor("other", new Dictionary<string, byte[]> { ["other"] = RandomNumberGenerator.GetBytes(32) });

        Assert.ThrowsAny<CryptographicException>(() => sameIdOtherKey.Decrypt(raw, SecretPlace));
        Assert.ThrowsAny<CryptographicException>(() => otherIdOtherKey.Decrypt(raw, SecretPlace));
    }

    [Fact]
    public async Task ATamperedColumnIsRefusedRatherThanMisread()
    {
        var raw = await ReadRawAsync(await WriteAsync(PrivateAnswer));
        var payload = Convert.FromBase64String(raw["enc:v2:test:".Length..]);
        payload[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt("enc:v2:test:" + Convert.ToBase64String(payload), SecretPlace));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(PrivateAnswer, SecretPlace)); // plaintext is never taken as-is
    }

    [Fact]
    public async Task AfterKeyRotationOldValuesStillDecryptAndNewValuesUseTheNewKey()
    {
        var oldRaw = await ReadRawAsync(await WriteAsync(PrivateAnswer));
        var rotated = new FieldEncryptor("next", new Dictionary<string, byte[]>
        {
            ["test"] = Convert.FromBase64String(CoupleConnectAppFactory.TestEncryptionKey),
            ["next"] = RandomNumberGenerator.GetBytes(32),
        });

        Assert.Equal(PrivateAnswer, rotated.Decrypt(oldRaw, SecretPlace));
        var newRaw = rotated.Encrypt(PrivateAnswer, SecretPlace);
        Assert.StartsWith("enc:v2:next:", newRaw, StringComparison.Ordinal);
        Assert.Equal(PrivateAnswer, rotated.Decrypt(newRaw, SecretPlace));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(newRaw, SecretPlace)); // the old set doesn't know the new key
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
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(copied, OtherPlace));
    }

    [Fact]
    public async Task TextWrittenBeforeValuesWereBoundStillReadsAndTheMigrateStepRebindsItToItsColumn()
    {
        var id = await WriteAsync("placeholder");
        var unbound = TestEncryptor.Encrypt(PrivateAnswer); // the v1 format every version before ADR 0017 wrote
        Assert.StartsWith("enc:v1:test:", unbound, StringComparison.Ordinal);
        await ExecuteAsync("UPDATE encryption_probe SET secret = @value WHERE id = @id", id, unbound);
        Assert.Equal(PrivateAnswer, await ReadThroughEfAsync(id));

        await using (var db = NewContext())
        {
            Assert.Equal(1, await db.BindUnboundFieldValuesAsync(TestEncryptor));
            Assert.Equal(0, await db.BindUnboundFieldValuesAsync(TestEncryptor)); // a second run finds nothing left
        }

        var rebound = await ReadRawAsync(id);
        Assert.StartsWith("enc:v2:test:", rebound, StringComparison.Ordinal);
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(rebound, SecretPlace));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(rebound, OtherPlace));
        Assert.Equal(PrivateAnswer, await ReadThroughEfAsync(id));
    }

    private async Task<string> ReadThroughEfAsync(int id)
    {
        await using var db = NewContext();
        return (await db.Probes.AsNoTracking().SingleAsync(row => row.Id == id)).Secret;
    }

    private async Task ExecuteAsync(string sql, int id, string? value = null)
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

    private async Task<int> WriteAsync(string text, string? other = null)
    {
        await using var db = NewContext();
        var probe = new EncryptionProbe { Secret = text, OtherSecret = other };
        db.Probes.Add(probe);
        await db.SaveChangesAsync();
        return probe.Id;
    }

    private async Task<string> ReadRawAsync(int id)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT secret FROM encryption_probe WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    // EF caches a context type's model, converter included, per process: this context is only ever built with TestEncryptor.
    private ProbeDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ProbeDbContext>().UseNpgsql(_database.ConnectionString).Options, TestEncryptor);

    private sealed class EncryptionProbe
    {
        public int Id { get; set; }

        public string Secret { get; set; } = string.Empty;

        public string? OtherSecret { get; set; }
    }

    private sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options, FieldEncryptor encryptor) : DbContext(options)
    {
        public DbSet<EncryptionProbe> Probes => Set<EncryptionProbe>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<EncryptionProbe>(probe =>
            {
                probe.ToTable("encryption_probe");
                probe.Property(row => row.Id).HasColumnName("id");
                probe.Property(row => row.Secret).HasColumnName("secret").IsEncrypted();
                probe.Property(row => row.OtherSecret).HasColumnName("other_secret").IsEncryptedOptional();
            });
            modelBuilder.ApplyFieldEncryption(encryptor);
        }
    }
}
