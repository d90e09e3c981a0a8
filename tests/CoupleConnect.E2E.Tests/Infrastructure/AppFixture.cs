using System.Net;
using CoupleConnect.E2E.Tests.PageObjects;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (so a real browser can reach it, WebSockets and all) against a fresh
/// PostgreSQL database, plus one Chromium shared by the tests of the collection; each test opens its own context.
/// Background jobs are queued but not run (no Hangfire server), like every other test host; see
/// <see cref="JobsAppFixture"/> for the app with its Hangfire server.
/// </summary>
public class AppFixture : IAsyncLifetime, IAsyncDisposable
{
    private TestDatabase? _database;
    private E2EAppFactory? _factory;
    private IPlaywright? _playwright;
    private NpgsqlDataSource? _dataSource;
    private readonly SemaphoreSlim _adminGate = new(1, 1);
    private bool _adminCreated;
    private bool _disposed;

    public string BaseAddress { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The app's clock: real time unless a test moves it (and puts it back when done).</summary>
    public ShiftedClock Clock { get; } = new();

    public CoupleConnectAppFactory Factory => _factory ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>This app's one admin (CoupleConnect:AdminEmails): an address no other test uses, for the admin pages.</summary>
    public string AdminEmail { get; } = $"admin.{Guid.NewGuid().ToString("N")[..8]}@example.com";

    /// <summary>Settings on top of <see cref="CoupleConnectAppFactory"/>'s defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CoupleConnect:AdminEmails:0"] = AdminEmail,

        // Every phone in the suite is one client address (127.0.0.1): the per-client cap of 60 new circuits a minute
        // (meant for one person) refused a busy journey's next page, which then never became interactive.
        ["CoupleConnect:Circuits:ConnectionsPerClientPerMinute"] = "100000",
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        // Port 0 on the loopback address: the OS hands Kestrel a free port, with no window for another process to take it.
        _factory = StartApp(port: 0);
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        BaseAddress = new Uri(address).GetLeftPart(UriPartial.Authority) + "/";

        // Blazor Server pages prerender, then connect a circuit: give the first interactive render room on a busy CI box.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserSettings.LaunchOptions());
    }

    /// <summary>
    /// Stops the app as a deployment or a crash would (its circuits end, open pages lose their connection), runs
    /// <paramref name="whileStopped"/>, then starts a new app process on the same port and database: the open pages
    /// meet a server that has never heard of their circuits. Only for a fixture no other test class shares.
    /// </summary>
    public async Task RestartAppAsync(Func<Task> whileStopped)
    {
        var port = new Uri(BaseAddress).Port;
        await Factory.DisposeAsync();
        _factory = null;
        await whileStopped();
        _factory = StartApp(port);
    }

    private E2EAppFactory StartApp(int port)
    {
        var factory = new E2EAppFactory(_database!.ConnectionString, Settings, Clock);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        return factory;
    }

    /// <summary>A phone: 390×844 CSS pixels at 2× density, touch, in Berlin, in the light (or the dark) colour scheme.</summary>
    public async Task<IPage> NewPhonePageAsync(string timeZone = "Europe/Berlin", ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(BrowserSettings.Phone(BaseAddress, timeZone, colorScheme));
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(BlazorCircuit.Script);
        return await context.NewPageAsync();
    }

    /// <summary>A confirmed account made through the app's account lifecycle, for tests that start signed in. Returns its user id.</summary>
    public async Task<string> CreateConfirmedUserAsync(string email, string password, string displayName, string timeZone = "Europe/Berlin") =>
        (await TestAccounts.CreateConfirmedAsync(Factory.Services, email, password, displayName, timeZone)).Id;

    /// <summary>A phone in the person's time zone, signed in as them (the account made straight through Identity), on their home page.</summary>
    public async Task<IPage> SignedInPhoneAsync(Person person, ColorScheme colorScheme = ColorScheme.Light)
    {
        await CreateConfirmedUserAsync(person.Email, person.Password, person.Name, person.TimeZone);
        return await SignInOnAPhoneAsync(person, colorScheme);
    }

    /// <summary>A phone signed in as this app's admin (<see cref="AdminEmail"/>; the account is made on first use).</summary>
    public async Task<IPage> SignedInAdminPhoneAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var admin = new Person("Robin", "Europe/Berlin") { Email = AdminEmail };
        await _adminGate.WaitAsync();
        try
        {
            if (!_adminCreated)
            {
                await CreateConfirmedUserAsync(admin.Email, admin.Password, admin.Name, admin.TimeZone);
                _adminCreated = true;
            }
        }
        finally
        {
            _adminGate.Release();
        }

        return await SignInOnAPhoneAsync(admin, colorScheme);
    }

    /// <summary>A phone signed in as a person whose account already exists, on their home page.</summary>
    public async Task<IPage> SignInOnAPhoneAsync(Person person, ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await NewPhonePageAsync(person.TimeZone, colorScheme);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(person.Email, person.Password);
        await Assertions.Expect(page).ToHaveURLAsync(BaseAddress);
        await page.WaitUntilInteractiveAsync();
        return page;
    }

    /// <summary>Runs one SQL statement on the app's database, e.g. to put a row in a state no page can reach quickly.</summary>
    public async Task<int> ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The id of the account with this email.</summary>
    public async Task<string> UserIdOfAsync(string email) =>
        await QueryScalarAsync<string>("""SELECT id FROM "AspNetUsers" WHERE normalized_email = upper(@email)""", ("email", email))
            ?? throw new InvalidOperationException($"No account has the address {email}.");

    /// <summary>The first column of the first row of a query (null when there is none).</summary>
    public async Task<T?> QueryScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteScalarAsync() is T scalar ? scalar : default;
    }

    /// <summary>A command that takes a connection from the pool as it runs and gives it back after.</summary>
    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = (_dataSource ?? throw new InvalidOperationException("The app has not started.")).CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        GC.SuppressFinalize(this);
        _adminGate.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

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

/// <summary>
/// The shared test factory, plus one thing only an E2E run needs. Hangfire keeps "the" job storage and job activator in
/// process-wide statics (JobStorage.Current, JobActivator.Current) that every app host overwrites as it starts, and
/// AddHangfire serves whichever were there when first asked. The E2E collections each run an app, at the same time,
/// in this one process: so each app gets its own database's storage and its own services pinned, or one app's Hangfire
/// server may poll the other's database, or build its jobs from the other's services (the other database).
/// </summary>
internal sealed class E2EAppFactory(string connectionString, IDictionary<string, string?> settings, TimeProvider clock)
    : CoupleConnectAppFactory(connectionString, settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var options = new PostgreSqlStorageOptions { SchemaName = JobsSetup.Schema, PrepareSchemaIfNecessary = true };
            services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(ConnectionString, options), options));
            services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
            services.AddSingleton(clock);
        });
    }
}

/// <summary>Someone in a test: a unique address per run (the dev mailbox and the database outlive one test).</summary>
public sealed record Person(string Name, string TimeZone)
{
    public string Email { get; init; } = $"{Name.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@example.com";

    public string Password { get; } = "a quiet walk by the river";
}

[CollectionDefinition(Name)]
public sealed class RealAppTests : ICollectionFixture<AppFixture>
{
    public const string Name = "Real app in a real browser";
}
