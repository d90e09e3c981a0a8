using Npgsql;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>
/// Indexes proposed for the dashboard's reads: each replaces one of the app's indexes (same name, same key columns)
/// with a covering one (INCLUDE), so the dashboard's wide scans read the index alone instead of one heap page per
/// row. <c>--try-indexes</c> swaps them in the benchmark's own database only, measures, and puts the app's originals
/// back (their definitions are kept in bench.original_indexes meanwhile, so a kept database is restored even after an
/// interrupted run). A proposal for an EF Core migration (see bench/results/dashboard.md), not the app's schema.
/// </summary>
public static class ProposedIndexes
{
    public static readonly IReadOnlyList<(string Name, string Create, string Why)> All =
    [
        ("ix_positives_couple_id_created_at",
            "CREATE INDEX ix_positives_couple_id_created_at ON positives (couple_id, created_at) INCLUDE (author_id)",
            "streak: a year of one couple's positives, (author, time), from the index alone; the latest-8 read still uses it"),
        ("ix_positives_couple_id_day",
            "CREATE INDEX ix_positives_couple_id_day ON positives (couple_id, day) INCLUDE (author_id, is_evening_gratitude)",
            "12-week chart and \"thanked today\": twelve weeks of one couple's positives from the index alone"),
        ("ux_daily_questions_one_per_couple_and_day",
            "CREATE UNIQUE INDEX ux_daily_questions_one_per_couple_and_day ON daily_questions (couple_id, day) INCLUDE (id)",
            "streak: the couple's question ids by day without a heap visit per day (still the one-per-day guard)"),
        ("ix_check_in_answers_daily_question_id_author_id",
            "CREATE UNIQUE INDEX ix_check_in_answers_daily_question_id_author_id ON check_in_answers (daily_question_id, author_id) INCLUDE (answered_at)",
            "streak: each day's answers, (author, time), from the index alone (still the one-answer-each guard)"),
    ];

    public static async Task SwapInAsync(NpgsqlDataSource dataSource)
    {
        await RestoreAsync(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var keep = new NpgsqlCommand("""
            CREATE TABLE bench.original_indexes AS
            SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'i' AND c.relname = ANY(@names)
            """, connection))
        {
            keep.Parameters.AddWithValue("names", All.Select(index => index.Name).ToArray());
            await keep.ExecuteNonQueryAsync();
        }

        foreach (var (name, create, _) in All)
        {
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS {name}; {create}");
        }

        await VacuumAsync(connection);
    }

    /// <summary>Puts the app's own definitions back if a swap happened (a no-op otherwise).</summary>
    public static async Task RestoreAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('bench.original_indexes') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return;
        }

        var originals = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand("SELECT name, definition FROM bench.original_indexes", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                originals.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, definition) in originals)
        {
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS {name}; {definition}");
        }

        await ExecuteAsync(connection, "DROP TABLE bench.original_indexes");
        await VacuumAsync(connection);
    }

    private static async Task VacuumAsync(NpgsqlConnection connection)
    {
        foreach (var table in new[] { "positives", "daily_questions", "check_in_answers" })
        {
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
