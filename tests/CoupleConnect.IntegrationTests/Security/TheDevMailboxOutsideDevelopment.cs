using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// The one route the stranger sweep requests without looking for the victim (<see cref="StrangerSweepTargets.OpenByDesignInDevelopment"/>):
/// the dev mailbox shows every email on a developer's machine. Outside Development it must not exist at all.
/// </summary>
public sealed class TheDevMailboxOutsideDevelopment
{
    [Fact]
    public async Task IsNotInTheRouteTableAndItsPagesSayNotFound()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ProductionAppFactory(database.ConnectionString);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var routes = AppRouteTable.Read(factory.Services);
        Assert.DoesNotContain(routes, route => route.Pattern == "/dev/mailbox/{id}/html");
        Assert.Contains(routes, route => route.Pattern == "/calendar/{token}.ics"); // the table itself was read

        foreach (var path in new[] { "/dev/mailbox", "/dev/mailbox/20261202-051636-468-ed15f3a6935440ebb65bcb4129933cd2", "/dev/mailbox/x/html" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is 200 or 404, $"GET {path} outside Development answered {(int)response.StatusCode}.");
            Assert.DoesNotContain("Dev mailbox</h1>", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Captured emails", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Links in this message", body, StringComparison.Ordinal);
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                Assert.Contains("find that page", body, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The real app in Production: an SMTP host is configured (nothing is sent), so startup passes its email check.</summary>
    private sealed class ProductionAppFactory(string connectionString) : CoupleConnectAppFactory(connectionString, new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = "2",
        ["CoupleConnect:PublicUrl"] = "http://localhost/",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
