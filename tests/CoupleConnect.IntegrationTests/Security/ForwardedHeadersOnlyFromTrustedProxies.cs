using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 15: X-Forwarded-For is believed only from configured proxies, so a client cannot pose as many clients
/// to slip past the per-client limits. Every request here arrives from <see cref="ClientAddress"/>.
/// </summary>
public sealed class ForwardedHeadersOnlyFromTrustedProxies : IAsyncLifetime
{
    private const string ClientAddress = "203.0.113.9";
    private const string EchoPath = "/test-only/remote-address";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AClientThatIsNotAProxyCannotNameAnotherAddressEvenWithTheHostSwitchOn()
    {
        await using var app = new ClientFactory(_database.ConnectionString, new() { ["ForwardedHeaders_Enabled"] = "true" });

        Assert.Equal(ClientAddress, await RemoteAddressSeenAsync(app, forwardedFor: "198.51.100.7"));
    }

    [Theory]
    [InlineData(ClientAddress)]
    [InlineData("203.0.113.0/24")]
    public async Task AConfiguredProxyIsBelieved(string trusted)
    {
        await using var app = new ClientFactory(_database.ConnectionString, new() { ["CoupleConnect:TrustedProxies:0"] = trusted });

        Assert.Equal("198.51.100.7", await RemoteAddressSeenAsync(app, forwardedFor: "198.51.100.7"));
    }

    [Fact]
    public async Task ForgingADifferentAddressOnEveryPostDoesNotEscapeTheAccountFormLimit()
    {
        await using var app = new ClientFactory(_database.ConnectionString, new()
        {
            ["CoupleConnect:RateLimits:AccountPostsPerWindow"] = "3",
            ["CoupleConnect:RateLimits:WindowSeconds"] = "600",
        });

        var statuses = new List<int>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var context = await SendFromTheClientAsync(app, HttpMethods.Post, "/Account/ForgotPassword", forwardedFor: $"198.51.100.{attempt}");
            statuses.Add(context.Response.StatusCode);
        }

        Assert.All(statuses.Take(3), status => Assert.NotEqual(StatusCodes.Status429TooManyRequests, status));
        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[3]);
    }

    private static async Task<string> RemoteAddressSeenAsync(ClientFactory app, string forwardedFor)
    {
        var context = await SendFromTheClientAsync(app, HttpMethods.Get, EchoPath, forwardedFor);
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }

    private static Task<HttpContext> SendFromTheClientAsync(ClientFactory app, string method, string path, string forwardedFor) =>
        app.Server.SendFromAsync(method, path, ClientAddress, forwardedFor);

    /// <summary>The real app with an endpoint at the end of its pipeline that says whom the app thinks it serves.</summary>
    private sealed class ClientFactory(string connectionString, Dictionary<string, string?> settings) : CoupleConnectAppFactory(connectionString, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, EchoTheRemoteAddress>());
        }
    }

    private sealed class EchoTheRemoteAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(EchoPath, echo => echo.Run(context => context.Response.WriteAsync(context.Connection.RemoteIpAddress?.ToString() ?? "none")));
        };
    }
}
