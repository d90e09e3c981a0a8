using Npgsql;

namespace CoupleConnect.Bench.Reliability;

/// <summary>Committed progress, from the database: what is still to dispatch, what is waiting to be sent, what was sent.</summary>
public sealed record OutboxCounts(long Undispatched, long Dispatched, long Pending, long Sent, long Failed, long Skipped);

/// <summary>What the sink received against what the outbox says, row by row.</summary>
public sealed record SinkVerdict(
    long DueRows,
    long OutboxRows,
    long SentRows,
    long ReceivedMessages,
    long DistinctReceived,
    long Lost,
    long NeverDispatched,
    long NotSent,
    long SentButNotReceived,
    long Duplicates,
    IReadOnlyList<(string MessageId, int Times)> DuplicatedIds,
    long Unknown,
    long Failed,
    long Skipped);

/// <summary>Counts for a run whose due rows are the seeder's <c>bench.due</c> (their schedule was due at <c>at</c>).</summary>
public sealed class OutboxCounter(NpgsqlDataSource dataSource, DateTimeOffset at)
{
    /// <summary>The seeder makes every other schedule row due within a day; push those out so only the due ones send.</summary>
    public async Task PushOtherSchedulesAwayAsync()
    {
        await using var command = dataSource.CreateCommand("UPDATE reminder_schedules SET next_due_utc = next_due_utc + interval '2 days' WHERE next_due_utc > @at");
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<OutboxCounts> CountAsync()
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM reminder_schedules WHERE next_due_utc <= @at),
                   count(*),
                   count(*) FILTER (WHERE status = 'Pending'),
                   count(*) FILTER (WHERE status = 'Sent'),
                   count(*) FILTER (WHERE status = 'Failed'),
                   count(*) FILTER (WHERE status = 'Skipped')
            FROM reminder_outbox
            """);
        command.Parameters.AddWithValue("at", at);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new OutboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>The app's database sessions right now, e.g. "2 idle, 1 active: UPDATE reminder_outbox o SET…".</summary>
    public async Task<string> AppSessionsAsync(string applicationName)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT state, left(regexp_replace(query, '\s+', ' ', 'g'), 40)
            FROM pg_stat_activity WHERE application_name = @name AND state IS DISTINCT FROM 'idle'
            """);
        command.Parameters.AddWithValue("name", applicationName);
        var busy = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            busy.Add($"{reader.GetString(0)}: {(reader.IsDBNull(1) ? "?" : reader.GetString(1))}");
        }

        return busy.Count == 0 ? "no app session busy" : string.Join("; ", busy);
    }

    /// <summary>
    /// Every seeded due row must have its outbox row marked Sent and its Message-ID at the sink; every Message-ID at the
    /// sink must be an outbox row's. Duplicates are Message-IDs the sink accepted more than once.
    /// </summary>
    public async Task<SinkVerdict> VerdictAsync(IReadOnlyDictionary<string, int> received, string messageIdDomain)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT d.user_id, o.id, o.status
            FROM bench.due d
            LEFT JOIN reminder_outbox o ON o.user_id = d.user_id AND o.kind = d.kind
            """);
        long due = 0, neverDispatched = 0, notSent = 0, sentButNotReceived = 0, sent = 0, failed = 0, skipped = 0;
        var expected = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                due++;
                if (reader.IsDBNull(1))
                {
                    neverDispatched++;
                    continue;
                }

                var messageId = $"reminder-{reader.GetInt64(1)}@{messageIdDomain}";
                expected.Add(messageId);
                var status = reader.GetString(2);
                failed += status == "Failed" ? 1 : 0;
                skipped += status == "Skipped" ? 1 : 0;
                if (status != "Sent")
                {
                    notSent++;
                    continue;
                }

                sent++;
                if (!received.ContainsKey(messageId))
                {
                    sentButNotReceived++;
                }
            }
        }

        await using var all = dataSource.CreateCommand("SELECT count(*) FROM reminder_outbox");
        var outboxRows = (long)(await all.ExecuteScalarAsync())!;
        var duplicated = received.Where(pair => pair.Value > 1).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value)).ToList();
        return new SinkVerdict(
            due,
            outboxRows,
            sent,
            received.Values.Sum(),
            received.Count,
            neverDispatched + notSent + sentButNotReceived,
            neverDispatched,
            notSent,
            sentButNotReceived,
            duplicated.Sum(pair => pair.Value - 1),
            duplicated,
            received.Keys.Count(id => !expected.Contains(id)),
            failed,
            skipped);
    }
}
