using System.Net;
using System.Security.Cryptography;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// The database alone is not enough to sign in as anyone: Data Protection keys (behind cookies, reset, confirmation and
/// unsubscribe tokens) and authenticator secrets are stored encrypted with the key kept outside it (docs/adr/0016).
/// </summary>
public sealed class DataProtectionKeysAtRest(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheStoredDataProtectionKeysHoldTheirMasterKeyOnlyEncrypted()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password); // a cookie needs a key, so one exists now

        var keys = await StoredKeyXmlAsync(app.Factory.ConnectionString);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", xml, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("urn:coupleconnect:data-protection", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AnAppOnTheSameDatabaseWithAnotherEncryptionKeyCannotUseItsCookiesOrTokensButOneWithARotatedKeyCan()
    {
        var email = await app.CreateConfirmedUserAsync();
        var cookie = await SignInCookieAsync(email);
        var (userId, resetToken) = await PasswordResetTokenAsync(app.Factory, email);
        var unsubscribe = app.Factory.Services.GetRequiredService<UnsubscribeTokens>().Create(userId, coupleId: null, ReminderKind.DailyQuestion);

        // The same key (a restart, or a second instance): everything made above still works, so only the key differs below.
        await using (var sameKey = new CoupleConnectAppFactory(app.Factory.ConnectionString))
        {
            Assert.Equal(HttpStatusCode.OK, await ManagePageStatusAsync(sameKey, cookie));
            Assert.True(await ResetTokenIsValidAsync(sameKey, email, resetToken));
            Assert.True(sameKey.Services.GetRequiredService<UnsubscribeTokens>().Read(unsubscribe).Succeeded);
        }

        // After a rotation of the field key (a new current key, the old one kept to decrypt): the stored keys name the
        // key they were encrypted with, so cookies and links still work.
        await using (var rotated = new CoupleConnectAppFactory(app.Factory.ConnectionString, new Dictionary<string, string?>
        {
            ["CoupleConnect:Encryption:CurrentKeyId"] = "next",
            ["CoupleConnect:Encryption:Keys:next"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }))
        {
            Assert.Equal(HttpStatusCode.OK, await ManagePageStatusAsync(rotated, cookie));
            Assert.True(rotated.Services.GetRequiredService<UnsubscribeTokens>().Read(unsubscribe).Succeeded);
        }

        // What someone holding only a dump or backup could run: the same data, but not the key kept outside it.
        await using var otherKey = new CoupleConnectAppFactory(app.Factory.ConnectionString, new Dictionary<string, string?>
        {
            ["CoupleConnect:Encryption:Keys:test"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        Assert.Equal(HttpStatusCode.Redirect, await ManagePageStatusAsync(otherKey, cookie)); // to sign-in: the cookie is not accepted
        Assert.False(await ResetTokenIsValidAsync(otherKey, email, resetToken));
        Assert.False(otherKey.Services.GetRequiredService<UnsubscribeTokens>().Read(unsubscribe).Succeeded);
    }

    [Fact]
    public async Task AnEnabledAuthenticatorIsStoredEncryptedAndStillSignsInWithACodeOrARecoveryCode()
    {
        var setup = await SecondFactor.EnableAsync(app.Factory, await app.CreateConfirmedUserAsync());

        var stored = await SecondFactor.StoredTokensAsync(app.Factory.ConnectionString, setup.UserId);
        Assert.Equal(["AuthenticatorKey", "RecoveryCodes"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.All(stored.Values, value => Assert.StartsWith("enc:v2:", value, StringComparison.Ordinal));
        Assert.DoesNotContain(setup.Key, stored["AuthenticatorKey"], StringComparison.OrdinalIgnoreCase);
        Assert.All(setup.RecoveryCodes, code => Assert.DoesNotContain(code, stored["RecoveryCodes"], StringComparison.OrdinalIgnoreCase));

        using (var phone = app.NewBrowser())
        {
            Assert.True(await SecondFactor.SignInWithAuthenticatorAsync(phone, setup.Email, setup.CurrentCode()), "The authenticator code did not sign in.");
        }

        using var laptop = app.NewBrowser();
        Assert.True(await SecondFactor.SignInWithRecoveryCodeAsync(laptop, setup.Email, setup.RecoveryCodes[0]), "The recovery code did not sign in.");
    }

    [Fact]
    public async Task AnAuthenticatorSecretCopiedIntoAnotherPersonsRowDoesNotSignThemIn()
    {
        var attacker = await SecondFactor.EnableAsync(app.Factory, await app.CreateConfirmedUserAsync());
        var victim = await SecondFactor.EnableAsync(app.Factory, await app.CreateConfirmedUserAsync());
        await CopyTokenAsync("AuthenticatorKey", from: attacker.UserId, to: victim.UserId);

        using var browser = app.NewBrowser();
        Assert.False(await SecondFactor.SignInWithAuthenticatorAsync(browser, victim.Email, attacker.CurrentCode()));
        using var page = await browser.GetAsync("/Account/LoginWith2fa");
        Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode); // refused, not broken
    }

    private async Task<string> SignInCookieAsync(string email)
    {
        using var browser = app.NewBrowser();
        using var response = await browser.LogInAsync(email, AppFixture.Password);
        Assert.True(AppBrowser.SetsAuthCookie(response), "Signing in set no cookie.");
        return string.Join("; ", AppBrowser.SetCookies(response).Select(cookie => cookie.Split(';')[0]));
    }

    private static async Task<HttpStatusCode> ManagePageStatusAsync(CoupleConnectAppFactory factory, string cookie)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<(string UserId, string Token)> PasswordResetTokenAsync(CoupleConnectAppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user just made is missing.");
        return (user.Id, await users.GeneratePasswordResetTokenAsync(user));
    }

    private static async Task<bool> ResetTokenIsValidAsync(CoupleConnectAppFactory factory, string email, string token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user is missing.");
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);
    }

    private async Task CopyTokenAsync(string name, string from, string to)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            UPDATE "AspNetUserTokens" SET value = (SELECT value FROM "AspNetUserTokens" WHERE user_id = @from AND name = @name)
            WHERE user_id = @to AND name = @name
            """,
            connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("name", name);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    internal static async Task<List<string>> StoredKeyXmlAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
