using System.Net;
using CoupleConnect.E2E.Tests.PageObjects;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (so a real browser can reach it, WebSockets and all) against a fresh
/// PostgreSQL database, plus one Chromium shared by the tests of the collection; each test opens its own context.
/// </summary>
public sealed class AppFixture : IAsyncLifetime, IAsyncDisposable
{
    private TestDatabase? _database;
    private CoupleConnectAppFactory? _factory;
    private IPlaywright? _playwright;
    private bool _disposed;

    public string BaseAddress { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = default!;

    public CoupleConnectAppFactory Factory => _factory ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new CoupleConnectAppFactory(_database.ConnectionString);

        // Port 0 on the loopback address: the OS hands Kestrel a free port, with no window for another process to take it.
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        BaseAddress = new Uri(address).GetLeftPart(UriPartial.Authority) + "/";

        // Blazor Server pages prerender, then connect a circuit: give the first interactive render room on a busy CI box.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserSettings.LaunchOptions());
    }

    /// <summary>A phone: 390×844 CSS pixels at 2× density, touch, in Berlin.</summary>
    public async Task<IPage> NewPhonePageAsync(string timeZone = "Europe/Berlin")
    {
        var context = await Browser.NewContextAsync(BrowserSettings.Phone(BaseAddress, timeZone));
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(BlazorCircuit.Script);
        return await context.NewPageAsync();
    }

    /// <summary>A confirmed account made straight through Identity, for tests that start signed in.</summary>
    public async Task CreateConfirmedUserAsync(string email, string password, string displayName, string timeZone = "Europe/Berlin")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            TimeZoneId = timeZone,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
    }

    /// <summary>A phone in the person's time zone, signed in as them (the account made straight through Identity), on their home page.</summary>
    public async Task<IPage> SignedInPhoneAsync(Person person)
    {
        await CreateConfirmedUserAsync(person.Email, person.Password, person.Name, person.TimeZone);
        var page = await NewPhonePageAsync(person.TimeZone);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(person.Email, person.Password);
        await Assertions.Expect(page).ToHaveURLAsync(BaseAddress);
        await page.WaitUntilInteractiveAsync();
        return page;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>Someone in a test: a unique address per run (the dev mailbox and the database outlive one test).</summary>
public sealed record Person(string Name, string TimeZone)
{
    public string Email { get; } = $"{Name.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@example.com";

    public string Password { get; } = "a quiet walk by the river";
}

[CollectionDefinition(Name)]
public sealed class RealAppTests : ICollectionFixture<AppFixture>
{
    public const string Name = "Real app in a real browser";
}
