using System.Buffers.Binary;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Passwords are stored as Identity v3 hashes (PBKDF2-HMAC-SHA512) at OWASP's 210,000 rounds, and a hash made with
/// fewer rounds (or the old v2 format) is replaced at its owner's next successful login.
/// </summary>
public sealed class PasswordHashing(AppFixture app) : IClassFixture<AppFixture>
{
    private const byte V3FormatMarker = 0x01;
    private const uint HmacSha512 = 2; // KeyDerivationPrf.HMACSHA512
    private const int OwaspRounds = 210_000;

    public static TheoryData<PasswordHasherCompatibilityMode, int> OldHashes => new()
    {
        { PasswordHasherCompatibilityMode.IdentityV3, 10_000 },
        { PasswordHasherCompatibilityMode.IdentityV3, 100_000 }, // Identity's own default
        { PasswordHasherCompatibilityMode.IdentityV2, 1_000 }, // v2 has a fixed PBKDF2-HMAC-SHA1 at 1,000 rounds
    };

    [Fact]
    public async Task ANewPasswordIsStoredAsAV3HashWithSha512At210000Rounds()
    {
        var email = await app.CreateConfirmedUserAsync();

        var hash = V3Hash.Decode(await StoredHashAsync(email));

        Assert.Equal(V3FormatMarker, hash.Marker);
        Assert.Equal(HmacSha512, hash.Prf);
        Assert.Equal(OwaspRounds, hash.Iterations);
        Assert.True(hash.Iterations >= AccountsSetup.PasswordHashIterations);
        Assert.Equal(16, hash.SaltLength);
        Assert.Equal(32, hash.SubkeyLength);
    }

    [Theory]
    [MemberData(nameof(OldHashes))]
    public async Task AnOldHashIsUpgradedAtTheNextLoginAndTheLoginSucceeds(PasswordHasherCompatibilityMode mode, int rounds)
    {
        var email = await app.CreateConfirmedUserAsync();
        var oldHash = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { CompatibilityMode = mode, IterationCount = rounds }))
            .HashPassword(new ApplicationUser(), AppFixture.Password);
        await SetStoredHashAsync(email, oldHash);

        using (var browser = app.NewBrowser())
        {
            await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
        }

        var upgraded = await StoredHashAsync(email);
        Assert.NotEqual(oldHash, upgraded);
        var decoded = V3Hash.Decode(upgraded);
        Assert.Equal((V3FormatMarker, HmacSha512, OwaspRounds), (decoded.Marker, decoded.Prf, decoded.Iterations));

        using var again = app.NewBrowser();
        await again.LogInSuccessfullyAsync(email, AppFixture.Password); // the new hash is of the same password
    }

    [Fact]
    public async Task AWrongPasswordLeavesAnOldHashAsItWas()
    {
        var email = await app.CreateConfirmedUserAsync();
        var oldHash = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 }))
            .HashPassword(new ApplicationUser(), AppFixture.Password);
        await SetStoredHashAsync(email, oldHash);

        using var browser = app.NewBrowser();
        using var response = await browser.LogInAsync(email, "not the password at all");

        Assert.False(AppBrowser.SetsAuthCookie(response));
        Assert.Equal(oldHash, await StoredHashAsync(email));
    }

    private async Task<string> StoredHashAsync(string email) =>
        (await app.Users.FindByEmailAsync(email))?.PasswordHash ?? throw new InvalidOperationException($"{email} has no password hash.");

    private async Task SetStoredHashAsync(string email, string hash)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE \"AspNetUsers\" SET password_hash = @hash WHERE normalized_email = @email", connection);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("email", email.ToUpperInvariant());
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Identity's v3 layout: marker byte, then PRF, rounds and salt length as big-endian uint32, salt, subkey.</summary>
    private sealed record V3Hash(byte Marker, uint Prf, int Iterations, int SaltLength, int SubkeyLength)
    {
        public static V3Hash Decode(string stored)
        {
            var bytes = Convert.FromBase64String(stored);
            Assert.True(bytes.Length >= 13, $"A {bytes.Length}-byte hash is no v3 hash.");
            var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
            return new V3Hash(
                bytes[0],
                BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)),
                (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)),
                saltLength,
                bytes.Length - 13 - saltLength);
        }
    }
}
