using Npgsql;
using Testcontainers.PostgreSql;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// The one place that decides where test PostgreSQL comes from: the server in COUPLECONNECT_TEST_DB (./test.sh starts
/// a local cluster when no Docker engine answers) or one Testcontainers container per test run. Each
/// <see cref="TestDatabase"/> is a fresh database on that server.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "COUPLECONNECT_TEST_DB";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;
    private static PostgreSqlContainer? _container;

    public static async Task<string> ServerConnectionStringAsync()
    {
        if (_serverConnectionString is not null)
        {
            return _serverConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            if (_serverConnectionString is null)
            {
                var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(fromEnvironment))
                {
                    _serverConnectionString = fromEnvironment;
                }
                else
                {
                    _container = new PostgreSqlBuilder("postgres:16-alpine").Build();
                    await _container.StartAsync();
                    _serverConnectionString = _container.GetConnectionString();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }

            return _serverConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>A fresh, empty database for one fixture; dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = await TestPostgres.ServerConnectionStringAsync();
        var name = "cc_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
        return new TestDatabase(server, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_serverConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException busy) when (busy.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // A backend PostgreSQL itself started on this database (e.g. autovacuum) can't be terminated by the test
                // role for a moment. Try again shortly; a database left behind goes with the throwaway cluster anyway.
                if (attempt == 10)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
