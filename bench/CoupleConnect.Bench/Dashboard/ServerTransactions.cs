using Npgsql;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>
/// A second opinion on the round-trip count, from the server's side: PostgreSQL's own count of transactions in the
/// benchmark's database (pg_stat_database.xact_commit + xact_rollback) across many loads. Each of the dashboard's
/// statements runs on its own (autocommit), so it is one transaction; anything a client library slipped in as a
/// separate message (a session reset, a type lookup) would show up as more. Read from a connection to another
/// database so the reading adds nothing. A backend reports its counts when it has been idle a while (at most ten
/// seconds in PostgreSQL 15–17), so each reading waits for that first.
/// </summary>
public sealed class ServerTransactions(string serverConnectionString, string database)
{
    /// <summary>PGSTAT_IDLE_INTERVAL (10 s) and a margin.</summary>
    private static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(11.5);

    public async Task<long> ReadAsync()
    {
        await Task.Delay(FlushWait);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Transactions per load over <paramref name="loads"/> loads, given the reading taken just before them.</summary>
    public async Task<(double PerLoad, long After)> PerLoadAsync(long before, int loads, Func<Task> load)
    {
        for (var i = 0; i < loads; i++)
        {
            await load();
        }

        var after = await ReadAsync();
        return ((after - before) / (double)loads, after);
    }
}
