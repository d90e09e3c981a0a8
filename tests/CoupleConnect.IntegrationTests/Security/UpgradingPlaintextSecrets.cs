using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// An installation from before keys and second factors were encrypted: its plaintext Data Protection key and
/// plaintext authenticator secret and recovery codes keep working after the upgrade, and the migrate step encrypts them.
/// </summary>
public sealed class UpgradingPlaintextSecrets : IAsyncLifetime
{
    private const string LegacyAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static readonly string[] LegacyRecoveryCodes = ["9K2QF-7XW4B", "H8D3M-2PZTC", "R5VJN-6LQ8K"];

    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task PlaintextKeysAndSecondFactorsFromBeforeTheUpgradeKeepWorkingAndAreEncryptedByTheMigrateStep()
    {
        string email;
        string userId;
        await using (var before = new CoupleConnectAppFactory(_database.ConnectionString))
        {
            email = AppFixture.UniqueEmail("upgrader");
            userId = (await CreateTwoFactorUserAsync(before, email)).UserId;
        }

        // What the older version left in the database: a Data Protection key with its master key in the clear (as
        // Data Protection writes one without a key encryptor) and second-factor secrets in the clear.
        var legacyKeys = Directory.CreateTempSubdirectory("cc-legacy-dp-");
        string unsubscribeToken;
        try
        {
            var legacyProvider = DataProtectionProvider.Create(legacyKeys, builder => builder.SetApplicationName("CoupleConnect"));
            unsubscribeToken = new UnsubscribeTokens(legacyProvider, TimeProvider.System, Options.Create(new ReminderOptions())).Create(userId, coupleId: null, ReminderKind.DailyQuestion);
            var keyXml = await File.ReadAllTextAsync(Assert.Single(legacyKeys.GetFiles("key-*.xml")).FullName);
            Assert.Contains("<masterKey", keyXml, StringComparison.Ordinal);
            await DeleteAllDataProtectionKeysAsync(); // so only the legacy key can have made the token
            await InsertDataProtectionKeyAsync(keyXml);
        }
        finally
        {
            legacyKeys.Delete(recursive: true);
        }

        await SetPlaintextTokenAsync(userId, "AuthenticatorKey", LegacyAuthenticatorKey);
        await SetPlaintextTokenAsync(userId, "RecoveryCodes", string.Join(';', LegacyRecoveryCodes));

        await using var after = new CoupleConnectAppFactory(_database.ConnectionString); // starts with the migrate step
        _ = after.Server;

        var keys = await DataProtectionKeysAtRest.StoredKeyXmlAsync(_database.ConnectionString);
        Assert.All(keys, xml => Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal));
        var tokens = await SecondFactor.StoredTokensAsync(_database.ConnectionString, userId);
        Assert.StartsWith("enc:v2:", tokens["AuthenticatorKey"], StringComparison.Ordinal);
        Assert.StartsWith("enc:v2:", tokens["RecoveryCodes"], StringComparison.Ordinal);
        Assert.DoesNotContain(LegacyRecoveryCodes[0], tokens["RecoveryCodes"], StringComparison.Ordinal);

        Assert.True(after.Services.GetRequiredService<UnsubscribeTokens>().Read(unsubscribeToken).Succeeded, "A link made with the old key stopped working.");
        using (var phone = NewBrowser(after))
        {
            var code = SecondFactor.TotpCode(LegacyAuthenticatorKey, DateTimeOffset.UtcNow);
            Assert.True(await SecondFactor.SignInWithAuthenticatorAsync(phone, email, code), "The authenticator set up before the upgrade stopped working.");
        }

        using var laptop = NewBrowser(after);
        Assert.True(await SecondFactor.SignInWithRecoveryCodeAsync(laptop, email, LegacyRecoveryCodes[1]), "A recovery code from before the upgrade stopped working.");
    }

    private static async Task<AuthenticatorSetup> CreateTwoFactorUserAsync(CoupleConnectAppFactory factory, string email)
    {
        await TestAccounts.CreateConfirmedAsync(factory.Services, email, AppFixture.Password, "Robin");
        return await SecondFactor.EnableAsync(factory, email);
    }

    private static AppBrowser NewBrowser(CoupleConnectAppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    private async Task DeleteAllDataProtectionKeysAsync() => await ExecuteAsync("DELETE FROM data_protection_keys", []);

    private async Task InsertDataProtectionKeyAsync(string xml) =>
        await ExecuteAsync("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ('legacy', @xml)", [("xml", xml)]);

    private async Task SetPlaintextTokenAsync(string userId, string name, string value) =>
        await ExecuteAsync(
            "UPDATE \"AspNetUserTokens\" SET value = @value WHERE user_id = @user AND login_provider = '[AspNetUserStore]' AND name = @name",
            [("value", value), ("user", userId), ("name", name)]);

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
