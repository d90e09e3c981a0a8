using System.Security.Cryptography;
using CoupleConnect.Web.Features.Reminders.Push;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// The real app (Program.cs) against a real test database, in Development so emails land in a dev mailbox folder that
/// the test can read. Settings go through UseSetting because Program reads them while building the host.
/// </summary>
public class CoupleConnectAppFactory : WebApplicationFactory<Program>
{
    /// <summary>One key for the whole test run: EF caches the model (and its encrypting converter) per process.</summary>
    public static readonly string TestEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>One VAPID key pair for the whole test run, as the local push service checks it (<c>TestPushService</c>).</summary>
    public static readonly VapidKeys TestVapidKeys = VapidKeys.Generate();

    private readonly Dictionary<string, string?> _settings;

    public CoupleConnectAppFactory(string connectionString, IDictionary<string, string?>? settings = null)
    {
        ConnectionString = connectionString;
        MailboxPath = Path.Combine(Path.GetTempPath(), "cc-mail-" + Guid.NewGuid().ToString("N")[..12]);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:DefaultConnection"] = connectionString,
            ["CoupleConnect:Encryption:CurrentKeyId"] = "test",
            ["CoupleConnect:Encryption:Keys:test"] = TestEncryptionKey,
            ["CoupleConnect:ApplyMigrationsAtStartup"] = "true",
            // ./test.sh's throwaway cluster runs with fsync=off (scripts/lib/postgres.sh --ephemeral); docs/adr/0014.
            ["CoupleConnect:Database:AllowUnsafeDurability"] = "true",
            ["CoupleConnect:RateLimits:AccountPostsPerWindow"] = "10000",
            ["CoupleConnect:Jobs:RunServer"] = "false",
            ["Email:DevMailboxPath"] = MailboxPath,
            ["Email:Smtp:Host"] = string.Empty,
            ["CoupleConnect:Push:VapidPublicKey"] = TestVapidKeys.PublicKey,
            ["CoupleConnect:Push:VapidPrivateKey"] = TestVapidKeys.PrivateKey,
            ["CoupleConnect:Push:Subject"] = "mailto:tests@coupleconnect.test",
            // The tests' push service listens on plain http on the loopback address.
            ["CoupleConnect:Push:AllowHttpEndpoints"] = "true",
            ["CoupleConnect:Push:AllowedEndpointHosts:0"] = "127.0.0.1",
        };

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string ConnectionString { get; }

    /// <summary>More host configuration for one test's needs (e.g. a startup filter), applied after the settings.</summary>
    public Action<IWebHostBuilder>? ConfigureHost { get; init; }

    /// <summary>Where the dev mailbox writes this app's emails (.eml files).</summary>
    public string MailboxPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        ConfigureHost?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        // Each app that starts points Hangfire's process-wide log provider at its own LoggerFactory. Another test class's
        // app that creates its first Hangfire job after this one is gone would otherwise log through a disposed factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        await base.DisposeAsync();
        if (Directory.Exists(MailboxPath))
        {
            Directory.Delete(MailboxPath, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
