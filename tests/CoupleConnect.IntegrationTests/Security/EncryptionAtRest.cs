using System.Security.Cryptography;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>A partner's text goes through the one encrypting converter: the database only ever holds ciphertext.</summary>
public sealed class EncryptionAtRest : IAsyncLifetime
{
    private const string PrivateAnswer = "A private answer";

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
        Assert.StartsWith("enc:v1:test:", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameTextWrittenTwiceIsStoredDifferently()
    {
        var first = await ReadRawAsync(await WriteAsync(PrivateAnswer));
        var second = await ReadRawAsync(await WriteAsync(PrivateAnswer));

        Assert.NotEqual(first, second); // a fresh nonce each time: equal answers can't be spotted in a dump
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(first));
        Assert.Equal(PrivateAnswer, TestEncryptor.Decrypt(second));
    }

    [Fact]
    public async Task AnotherKeyCannotDecryptTheColumn()
    {
        var raw = await ReadRawAsync(await WriteAsync(PrivateAnswer));
        var sameIdOtherKey = new FieldEncryptor("test", new Dictionary<string, byte[]> { ["test"] = RandomNumberGenerator.GetBytes(32) });
        var otherIdOtherKey = new FieldEncryptor("other", new Dictionary<string, byte[]> { ["other"] = RandomNumberGenerator.GetBytes(32) });

        Assert.ThrowsAny<CryptographicException>(() => sameIdOtherKey.Decrypt(raw));
        Assert.ThrowsAny<CryptographicException>(() => otherIdOtherKey.Decrypt(raw));
    }

    [Fact]
    public async Task ATamperedColumnIsRefusedRatherThanMisread()
    {
        var raw = await ReadRawAsync(await WriteAsync(PrivateAnswer));
        var payload = Convert.FromBase64String(raw["enc:v1:test:".Length..]);
        payload[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt("enc:v1:test:" + Convert.ToBase64String(payload)));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(PrivateAnswer)); // plaintext is never taken as-is
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

        Assert.Equal(PrivateAnswer, rotated.Decrypt(oldRaw));
        var newRaw = rotated.Encrypt(PrivateAnswer);
        Assert.StartsWith("enc:v1:next:", newRaw, StringComparison.Ordinal);
        Assert.Equal(PrivateAnswer, rotated.Decrypt(newRaw));
        Assert.ThrowsAny<CryptographicException>(() => TestEncryptor.Decrypt(newRaw)); // the old set doesn't know the new key
    }

    private async Task<int> WriteAsync(string text)
    {
        await using var db = NewContext();
        var probe = new EncryptionProbe { Secret = text };
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
            });
            modelBuilder.ApplyFieldEncryption(encryptor);
        }
    }
}
