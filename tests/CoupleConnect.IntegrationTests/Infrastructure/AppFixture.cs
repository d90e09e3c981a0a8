using CoupleConnect.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// One running app on one fresh database, shared by the tests of a class (IClassFixture). Tests keep out of each
/// other's way with unique emails, so nothing needs resetting between them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class AppFixture : IAsyncLifetime
{
    public const string Password = "a calm evening walk";

    private TestDatabase? _database;
    private CoupleConnectAppFactory? _factory;

    public CoupleConnectAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public UsersTable Users => new(Factory.ConnectionString);

    /// <summary>People, signed-in service scopes and couples on this app, made through its own services.</summary>
    public AppDriver Driver => new(Factory.Services, Factory.ConnectionString, Factory.MailboxPath);

    /// <summary>Settings on top of <see cref="CoupleConnectAppFactory"/>'s defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>More host configuration for a fixture's needs; nothing by default.</summary>
    protected virtual void ConfigureApp(IWebHostBuilder builder)
    {
    }

    public static string UniqueEmail(string who = "user") => $"{who}-{Guid.NewGuid():N}@example.test";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new CoupleConnectAppFactory(_database.ConnectionString, Settings) { ConfigureHost = ConfigureApp };
        _ = _factory.Server; // start now: migrations run here, not inside the first test
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public AppBrowser NewBrowser() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>
    /// A confirmed account made through the app's account lifecycle: the arrange step for tests about what an account
    /// can do. Registration itself is covered through the form in its own tests.
    /// </summary>
    public async Task<string> CreateConfirmedUserAsync(string? email = null, string displayName = "Robin", string timeZoneId = "Europe/Berlin")
    {
        email ??= UniqueEmail();
        await TestAccounts.CreateConfirmedAsync(Factory.Services, email, Password, displayName, timeZoneId);
        return email;
    }
}

/// <summary>An app whose account form posts are limited to 3 per (long) window, so the 4th is refused.</summary>
public sealed class RateLimitedAppFixture : AppFixture
{
    public const int PostsPerWindow = 3;
    public const int WindowSeconds = 600;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CoupleConnect:RateLimits:AccountPostsPerWindow"] = PostsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CoupleConnect:RateLimits:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>An app that names one admin by configuration.</summary>
public sealed class AdminConfiguredAppFixture : AppFixture
{
    public string AdminEmail { get; } = UniqueEmail("admin");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CoupleConnect:AdminEmails:0"] = AdminEmail,
    };
}
