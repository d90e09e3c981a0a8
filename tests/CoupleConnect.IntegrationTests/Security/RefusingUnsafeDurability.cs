using System.Diagnostics;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// The app refuses to start on a PostgreSQL with fsync=off (a crash could lose committed answers and reminders), with a
/// clear critical log line and a non-zero exit code, unless the throwaway-database opt-out is set (docs/adr/0014).
/// ./test.sh's cluster runs with fsync=off (scripts/lib/postgres.sh --ephemeral), which is what these tests need.
/// </summary>
public sealed class RefusingUnsafeDurability : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW fsync", connection);
        var fsync = (string)(await show.ExecuteScalarAsync())!;
        Assert.True(fsync == "off", $"These tests need a PostgreSQL with fsync=off, as ./test.sh starts it; this one has fsync={fsync}.");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task WithoutTheOptOutTheAppRefusesToStartAndSaysWhy()
    {
        await using var factory = new LoggedAppFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            [DatabaseDurability.AllowUnsafeDurabilitySetting] = "false",
        });

        var refused = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("fsync=off", refused.Message, StringComparison.Ordinal);
        var line = Assert.Single(factory.Logs.Lines, line => line.Level == LogLevel.Critical);
        Assert.Contains("fsync=off", line.Message, StringComparison.Ordinal);
        Assert.Contains("refuses to start", line.Message, StringComparison.Ordinal);
        Assert.Contains(DatabaseDurability.AllowUnsafeDurabilitySetting, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheOptOutTheAppStartsAndWarns()
    {
        await using var factory = new LoggedAppFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            [DatabaseDurability.AllowUnsafeDurabilitySetting] = "true",
        });
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains(factory.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("fsync=off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRealProcessExitsNonZeroWithTheMessageOnItsConsole()
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "CoupleConnect.Web.dll");
        var start = new ProcessStartInfo("dotnet", [appDll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__DefaultConnection"] = _database.ConnectionString;
        start.Environment["CoupleConnect__ApplyMigrationsAtStartup"] = "false";
        start.Environment["CoupleConnect__Jobs__RunServer"] = "false";
        start.Environment["CoupleConnect__Encryption__CurrentKeyId"] = "test";
        start.Environment["CoupleConnect__Encryption__Keys__test"] = CoupleConnectAppFactory.TestEncryptionKey;
        start.Environment["Email__Smtp__Host"] = "127.0.0.1";
        start.Environment["CoupleConnect__PublicUrl"] = "https://coupleconnect.example/";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app did not exit within a minute on a database with fsync=off: it started instead of refusing.");
        }

        Assert.NotEqual(0, process.ExitCode);
        var console = await output + await errors;
        Assert.Contains("refuses to start", console, StringComparison.Ordinal);
        Assert.Contains("fsync=off", console, StringComparison.Ordinal);
    }
}
