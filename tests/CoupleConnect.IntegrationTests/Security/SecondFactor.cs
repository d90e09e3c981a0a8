using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>A person's authenticator as their phone would hold it: the secret, and the codes it shows (RFC 6238).</summary>
public sealed record AuthenticatorSetup(string UserId, string Email, string Key, IReadOnlyList<string> RecoveryCodes)
{
    /// <summary>The 6-digit code an authenticator app shows now for <see cref="Key"/>.</summary>
    public string CurrentCode() => SecondFactor.TotpCode(Key, DateTimeOffset.UtcNow);
}

/// <summary>Turns two-factor sign-in on through the app's UserManager and signs in with it over HTTP.</summary>
public static class SecondFactor
{
    /// <summary>A confirmed account with the authenticator and ten recovery codes, set up as the Manage pages do.</summary>
    public static async Task<AuthenticatorSetup> EnableAsync(CoupleConnectAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user just made is missing.");
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was made.");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? throw new InvalidOperationException("No recovery codes were made.");
        return new AuthenticatorSetup(user.Id, email, key, codes.ToList());
    }

    /// <summary>Password, then the authenticator code: true when the second step set the sign-in cookie.</summary>
    public static async Task<bool> SignInWithAuthenticatorAsync(AppBrowser browser, string email, string code)
    {
        var secondStep = await PasswordStepAsync(browser, email);
        using var response = await browser.SubmitFormAsync(secondStep, "login-with-2fa", new Dictionary<string, string> { ["Input.TwoFactorCode"] = code });
        return response.StatusCode == HttpStatusCode.Redirect && AppBrowser.SetsAuthCookie(response);
    }

    /// <summary>Password, then a recovery code instead of the authenticator: true when it set the sign-in cookie.</summary>
    public static async Task<bool> SignInWithRecoveryCodeAsync(AppBrowser browser, string email, string recoveryCode)
    {
        await PasswordStepAsync(browser, email);
        using var response = await browser.SubmitFormAsync(
            "/Account/LoginWithRecoveryCode", "login-with-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode });
        return response.StatusCode == HttpStatusCode.Redirect && AppBrowser.SetsAuthCookie(response);
    }

    /// <summary>The AspNetUserTokens values of one person, as stored (name → value).</summary>
    public static async Task<Dictionary<string, string>> StoredTokensAsync(string connectionString, string userId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, value FROM \"AspNetUserTokens\" WHERE user_id = @user", connection);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            tokens[reader.GetString(0)] = reader.GetString(1);
        }

        return tokens;
    }

    /// <summary>RFC 6238 with Identity's settings: HMAC-SHA1 over the base32 key, 30-second steps, 6 digits.</summary>
    public static string TotpCode(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 authenticator apps (and Identity) use HMAC-SHA1; this is the phone's side.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> PasswordStepAsync(AppBrowser browser, string email)
    {
        using var response = await browser.LogInAsync(email, AppFixture.Password);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        Assert.True(location.Contains("LoginWith2fa", StringComparison.Ordinal), $"The password step led to '{location}', not to the second step.");
        return location;
    }

    private static byte[] FromBase32(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
