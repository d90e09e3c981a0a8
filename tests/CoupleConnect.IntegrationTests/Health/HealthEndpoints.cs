using System.Net;
using System.Net.Sockets;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Health;

public sealed class HealthEndpoints(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task LiveAnswers200()
    {
        using var browser = app.NewBrowser();

        using var response = await browser.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyAnswers200WithAMigratedDatabase()
    {
        using var browser = app.NewBrowser();

        using var response = await browser.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadyAnswers503WhenTheDatabaseIsDownWhileLiveStill200()
    {
        var downDatabase = $"Host=127.0.0.1;Port={ClosedPort()};Database=coupleconnect;Username=nobody;Password=nothing;Timeout=3";
        await using var factory = new CoupleConnectAppFactory(downDatabase, new Dictionary<string, string?>
        {
            ["CoupleConnect:ApplyMigrationsAtStartup"] = "false",
        });
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task ReadyAnswers503WhileMigrationsAreMissing()
    {
        await using var database = await TestDatabase.CreateAsync(); // reachable, but empty
        await using var factory = new CoupleConnectAppFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["CoupleConnect:ApplyMigrationsAtStartup"] = "false",
        });
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task ReadyTurns200OnceTheMigrationsAreAppliedAndStillNoticesADatabaseThatGoesAway()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new CoupleConnectAppFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["CoupleConnect:ApplyMigrationsAtStartup"] = "false",
        });
        using var client = factory.CreateClient();
        using (var beforeMigrating = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeMigrating.StatusCode);
        }

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        using (var migrated = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, migrated.StatusCode);
        }

        // Once migrated the check only pings the database; it must still say when the database is gone.
        await database.DisposeAsync();
        using var gone = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
    }

    /// <summary>A loopback port nothing listens on: bound by us a moment ago, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
