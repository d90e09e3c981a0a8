using System.Globalization;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>The sender tests share one app, one database and one SMTP server, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SendingTests : ICollectionFixture<SendingAppFixture>
{
    public const string Name = "Sending reminders";
}

/// <summary>
/// The app sending real SMTP (MailKit) to a <see cref="TestSmtpServer"/> in this process, on a fresh database, with a
/// <see cref="FakeTimeProvider"/> so tests can let backoff delays pass. A second app instance on the same database and
/// clock stands in for a second server. The clock only moves forward; tests start from <see cref="StartCleanAsync"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class SendingAppFixture : IAsyncLifetime
{
    /// <summary>Small, so a few hundred rows take several batches (and several SMTP connections).</summary>
    public const int BatchSize = 50;

    public const string PublicUrl = "https://coupleconnect.test/";

    /// <summary>The domain of the From address, which Message-IDs use.</summary>
    public const string MailDomain = "coupleconnect.test";

    private readonly SemaphoreSlim _crowdGate = new(1, 1);
    private TestDatabase? _database;
    private CoupleConnectAppFactory? _factory;
    private WebApplicationFactory<Program>? _app;
    private WebApplicationFactory<Program>? _secondInstance;
    private List<PairedCouple>? _crowd;

    /// <summary>Whole seconds, so instants written to PostgreSQL (microseconds) read back equal.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public TestSmtpServer Smtp { get; private set; } = null!;

    public WebApplicationFactory<Program> App => _app ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    /// <summary>Another instance of the app on the same database and clock, as a second server would run it.</summary>
    public WebApplicationFactory<Program> SecondInstance => _secondInstance ??= Clocked(Factory);

    public AppDriver Driver => new(App.Services, Factory.ConnectionString, Factory.MailboxPath);

    public SendingOutbox Outbox => new(Factory.ConnectionString);

    public string ConnectionString => Factory.ConnectionString;

    public ReminderSender Sender => App.Services.GetRequiredService<ReminderSender>();

    private CoupleConnectAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        _database = await TestDatabase.CreateAsync();
        _factory = new CoupleConnectAppFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "10",
            ["Email:FromAddress"] = "hello@" + MailDomain,
            ["CoupleConnect:PublicUrl"] = PublicUrl,
            ["CoupleConnect:Reminders:SendBatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        });
        _app = Clocked(_factory);
        _ = _app.Server; // start now: migrations run here, not inside the first test
    }

    /// <summary>
    /// An empty outbox and a fresh SMTP server state, so a test counts only its own messages. Call it after making
    /// people (pairing sends email too) and before queueing reminders.
    /// </summary>
    public async Task StartCleanAsync()
    {
        await Outbox.DeleteAllAsync();
        await Smtp.StartAgainAsync();
        Smtp.Reset();
    }

    /// <summary>Paired, confirmed people made once and shared by the tests (each test starts with an empty outbox).</summary>
    public async Task<IReadOnlyList<PairedCouple>> CrowdAsync(int couples)
    {
        await _crowdGate.WaitAsync();
        try
        {
            _crowd ??= [];
            for (var index = _crowd.Count; index < couples; index++)
            {
                _crowd.Add(await Driver.PairNewAsync($"Alex {index}", $"Sam {index}", "Europe/Berlin", "America/New_York"));
            }

            return _crowd.Take(couples).ToList();
        }
        finally
        {
            _crowdGate.Release();
        }
    }

    public AppBrowser NewBrowser() =>
        new(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task DisposeAsync()
    {
        _crowdGate.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync(); // also disposes the clocked instances made from it
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }

    private WebApplicationFactory<Program> Clocked(CoupleConnectAppFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)));
}
