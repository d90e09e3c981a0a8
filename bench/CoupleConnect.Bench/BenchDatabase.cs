using System.Security.Cryptography;
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

    /// <summary>The app's EF Core migrations, through the app's own database setup (AddDatabase + MigrateDatabaseAsync).</summary>
    private static async Task MigrateAsync(string connectionString)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:DefaultConnection"] = connectionString,
            // The schema does not depend on the key; a throwaway one satisfies the field encryptor.
            ["CoupleConnect:Encryption:CurrentKeyId"] = "bench",
            ["CoupleConnect:Encryption:Keys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
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
