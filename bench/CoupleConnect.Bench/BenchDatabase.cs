using System.Security.Cryptography;
using System.Text;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.Bench;

/// <summary>A database of its own on the benchmark's server, with the app's schema applied by the app's own migrations.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly bool _keep;

    private BenchDatabase(string serverConnectionString, string name, bool keep)
    {
        _serverConnectionString = serverConnectionString;
        _keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The key id of <see cref="EncryptionKey"/>.</summary>
    public const string EncryptionKeyId = "bench";

    /// <summary>
    /// The one field-encryption key of every benchmark: fixed, for benchmark data only (nothing secret is ever encrypted
    /// with it), so text seeded in one run decrypts in the next (--keep-databases) and in every context of this process.
    /// </summary>
    public static readonly string EncryptionKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("CoupleConnect benchmark data key")));

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>One data source per database, as the app has (NpgsqlDataSource.Create in DatabaseSetup).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>True when the database already existed (kept by an earlier run with --keep-databases).</summary>
    public bool Existed { get; private set; }

    /// <summary>Creates (or, with <paramref name="keep"/>, reuses) the database and brings its schema up to date.</summary>
    public static async Task<BenchDatabase> OpenAsync(string serverConnectionString, string name, bool keep)
    {
        var database = new BenchDatabase(serverConnectionString, name, keep);
        await using (var server = new NpgsqlConnection(serverConnectionString))
        {
            await server.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", server);
            exists.Parameters.AddWithValue("name", name);
            database.Existed = (bool)(await exists.ExecuteScalarAsync())!;
            if (database.Existed && !keep)
            {
                await DropAsync(server, name);
                database.Existed = false;
            }

            if (!database.Existed)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
                await create.ExecuteNonQueryAsync();
            }
        }

        await MigrateAsync(database.ConnectionString);
        return database;
    }

    /// <summary>
    /// A copy of this database (CREATE DATABASE … TEMPLATE: a file copy, data, indexes and statistics alike), for
    /// measuring two variants side by side. Closes this database's idle pooled connections first (a template must have
    /// no other sessions); the copy is always dropped on dispose.
    /// </summary>
    public async Task<BenchDatabase> CloneAsync(string name)
    {
        DataSource.Clear();
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(_serverConnectionString);
        await server.OpenAsync();
        await DropAsync(server, name);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{Name}\"", server) { CommandTimeout = 0 };
        await create.ExecuteNonQueryAsync();
        return new BenchDatabase(_serverConnectionString, name, keep: false);
    }

    /// <summary>The app's EF Core migrations, through the app's own database setup (AddDatabase + MigrateDatabaseAsync).</summary>
    private static async Task MigrateAsync(string connectionString)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:DefaultConnection"] = connectionString,
            // The schema does not depend on the key, but EF Core caches the model (with the encrypting converters and
            // so the key) per process: the benchmarks' one fixed data key, so later contexts decrypt what is seeded.
            ["CoupleConnect:Encryption:CurrentKeyId"] = EncryptionKeyId,
            [$"CoupleConnect:Encryption:Keys:{EncryptionKeyId}"] = EncryptionKey,
        });
        builder.Services.AddLogging();
        // Identity shapes its tables from IdentityOptions (schema version 3 adds passkeys), as AccountsSetup configures it.
        builder.Services.Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = AccountsSetup.IdentitySchemaVersion);
        builder.AddDatabase();
        await using var services = builder.Services.BuildServiceProvider();
        await services.MigrateDatabaseAsync();
    }

    private static async Task DropAsync(NpgsqlConnection server, string name)
    {
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (!_keep)
        {
            await using var server = new NpgsqlConnection(_serverConnectionString);
            await server.OpenAsync();
            await DropAsync(server, Name);
        }
    }
}
