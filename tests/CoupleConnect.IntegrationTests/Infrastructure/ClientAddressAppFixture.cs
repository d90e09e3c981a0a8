using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// An app whose test browsers can each come from their own address: the in-process test server has no network, so a
/// test-only header, read before any of the app's middleware, sets the connection's remote address.
/// </summary>
public class ClientAddressAppFixture : AppFixture
{
    public const string ClientHeader = "X-Test-Client-Address";

    protected override void ConfigureApp(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientFromHeader>());

    /// <summary>A browser whose requests arrive from <paramref name="address"/>.</summary>
    public AppBrowser NewBrowserFrom(string address)
    {
        var browser = NewBrowser();
        browser.Http.DefaultRequestHeaders.Add(ClientHeader, address);
        return browser;
    }

    private sealed class ClientFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address) && IPAddress.TryParse(address, out var parsed))
                {
                    context.Connection.RemoteIpAddress = parsed;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
