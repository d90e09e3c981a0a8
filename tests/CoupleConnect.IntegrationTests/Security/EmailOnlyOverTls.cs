using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 14: outside Development mail leaves only over TLS. The test SMTP server offers no STARTTLS, as a
/// misconfigured or downgraded relay would not.
/// </summary>
public sealed class EmailOnlyOverTls : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = await TestSmtpServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task InProductionByDefaultAServerWithoutStartTlsIsRefusedAndNothingIsSent()
    {
        await using var factory = new MailingFactory(_database.ConnectionString, _smtp.Port, "Production");
        var sender = factory.Services.GetRequiredService<SmtpMailSender>();

        await Assert.ThrowsAnyAsync<Exception>(() => sender.ConnectAsync(CancellationToken.None));

        Assert.Empty(_smtp.Received);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Auto")]
    public async Task InProductionSecurityThatMayFallBackToPlainTextStopsTheAppUnlessTheOperatorOptsIn(string security)
    {
        await using var refused = new MailingFactory(_database.ConnectionString, _smtp.Port, "Production", security);
        var error = Assert.ThrowsAny<InvalidOperationException>(() => refused.Server);
        Assert.Contains("Email:Smtp:AllowUnencrypted", error.Message, StringComparison.Ordinal);

        await using var optedIn = new MailingFactory(_database.ConnectionString, _smtp.Port, "Production", security, allowUnencrypted: true);
        using var client = await optedIn.Services.GetRequiredService<SmtpMailSender>().ConnectAsync(CancellationToken.None);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task InDevelopmentALocalSinkWithoutTlsStillWorks()
    {
        await using var factory = new MailingFactory(_database.ConnectionString, _smtp.Port, "Development");

        using var client = await factory.Services.GetRequiredService<SmtpMailSender>().ConnectAsync(CancellationToken.None);

        Assert.True(client.IsConnected);
    }

    private sealed class MailingFactory(string connectionString, int smtpPort, string environment, string? security = null, bool allowUnencrypted = false)
        : CoupleConnectAppFactory(connectionString, Settings(smtpPort, security, allowUnencrypted))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }

        /// <summary>Only the keys a test sets: an empty value is not "unset" to the configuration binder.</summary>
        private static Dictionary<string, string?> Settings(int smtpPort, string? security, bool allowUnencrypted)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CoupleConnect:PublicUrl"] = "https://coupleconnect.example/",
            };
            if (security is not null)
            {
                settings["Email:Smtp:Security"] = security;
            }

            if (allowUnencrypted)
            {
                settings["Email:Smtp:AllowUnencrypted"] = "true";
            }

            return settings;
        }
    }
}
