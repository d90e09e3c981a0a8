using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// The app in the Production environment (HSTS, the /Error page, JSON logs), reached over HTTPS at a host that isn't
/// localhost (HSTS leaves localhost alone). An SMTP host is named because Production needs one; nothing is sent.
/// <see cref="FailingPath"/> throws, to see the error page's headers.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class ProductionAppFixture : IAsyncLifetime
{
    public const string FailingPath = "/test-only/throws";

    public static readonly Uri PublicAddress = new("https://coupleconnect.example/");

    private TestDatabase? _database;
    private ProductionAppFactory? _factory;

    public CoupleConnectAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new ProductionAppFactory(_database.ConnectionString);
        _ = _factory.Server;
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
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = PublicAddress, AllowAutoRedirect = false, HandleCookies = true }));

    private sealed class ProductionAppFactory(string connectionString) : CoupleConnectAppFactory(connectionString, new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["CoupleConnect:PublicUrl"] = PublicAddress.ToString(),
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingEndpointAtTheEnd>());
        }
    }

    /// <summary>Appended after the app's own pipeline, so its exception handler and headers wrap it as they wrap a real page.</summary>
    private sealed class FailingEndpointAtTheEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailingPath, failing => failing.Run(_ => throw new InvalidOperationException("A test-only failure.")));
        };
    }
}
