using Npgsql;

namespace CoupleConnect.Web.Infrastructure.Data;

/// <summary>
/// Refuses to run on a PostgreSQL that may lose committed writes on a crash (fsync=off): partners' answers, the reminder
/// outbox and Hangfire's queue all trust that a commit is on disk (docs/adr/0014). Throwaway test clusters opt out.
/// </summary>
public static class DatabaseDurability
{
    /// <summary>True only for throwaway databases (test clusters made with fsync=off); never in production.</summary>
    public const string AllowUnsafeDurabilitySetting = "CoupleConnect:Database:AllowUnsafeDurability";

    /// <summary>Throws when the database reports fsync=off, unless <see cref="AllowUnsafeDurabilitySetting"/> is true.</summary>
    public static async Task EnsureDurableDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var allowUnsafe = app.Configuration.GetValue<bool>(AllowUnsafeDurabilitySetting);
        string fsync;
        try
        {
            var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
            await using var command = dataSource.CreateCommand("SHOW fsync");
            fsync = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (NpgsqlException unreachable)
        {
            // Not reachable now: the app still starts and /health/ready says so; the check runs again at the next start.
            app.Logger.LogWarning(unreachable, "Could not check PostgreSQL's fsync setting at startup: the database is not reachable.");
            return;
        }

        if (!string.Equals(fsync, "off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (allowUnsafe)
        {
            app.Logger.LogWarning(
                "PostgreSQL runs with fsync=off and {Setting} is true: a crash of the database server may lose committed data. Only for throwaway test databases.",
                AllowUnsafeDurabilitySetting);
            return;
        }

        const string Refusal =
            "PostgreSQL runs with fsync=off, so a crash of the database server may lose or corrupt committed data " +
            "(answers, the reminder outbox, background jobs). CoupleConnect refuses to start: set fsync=on in postgresql.conf. " +
            "For a throwaway test database only, set " + AllowUnsafeDurabilitySetting + "=true (docs/adr/0014).";
        app.Logger.LogCritical(Refusal);
        throw new InvalidOperationException(Refusal);
    }
}
