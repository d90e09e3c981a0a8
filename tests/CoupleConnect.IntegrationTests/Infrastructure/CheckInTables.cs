using Npgsql;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>A daily_questions row as a database dump shows it.</summary>
public sealed record DailyQuestionRow(Guid Id, Guid CoupleId, DateOnly Day, int QuestionId);

/// <summary>A check_in_answers row as a database dump shows it: the text columns are the raw (encrypted) values.</summary>
public sealed record CheckInAnswerRow(
    Guid Id,
    DateOnly Day,
    string AuthorId,
    string Text,
    string? ReflectionText,
    string? Clarification,
    string? Verdict,
    bool HeartedByPartner,
    string RowAsJson);

/// <summary>The check-in tables read with plain SQL, not through the app.</summary>
public sealed class CheckInTables(string connectionString)
{
    public async Task<IReadOnlyList<DailyQuestionRow>> DailyQuestionsAsync(Guid coupleId)
    {
        var rows = new List<DailyQuestionRow>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, couple_id, day, question_id FROM daily_questions WHERE couple_id = @couple ORDER BY day", connection);
        command.Parameters.AddWithValue("couple", coupleId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new DailyQuestionRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3)));
        }

        return rows;
    }

    /// <summary>The question the couple swapped away on <paramref name="day"/>, if they did.</summary>
    public async Task<int?> SwappedQuestionIdAsync(Guid coupleId, DateOnly day)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT swapped_question_id FROM daily_questions WHERE couple_id = @couple AND day = @day", connection);
        command.Parameters.AddWithValue("couple", coupleId);
        command.Parameters.AddWithValue("day", day);
        return await command.ExecuteScalarAsync() is int id ? id : null;
    }

    /// <summary>Every answer of the couple's questions, by day then author.</summary>
    public async Task<IReadOnlyList<CheckInAnswerRow>> AnswersAsync(Guid coupleId)
    {
        var rows = new List<CheckInAnswerRow>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT a.id, d.day, a.author_id, a.text, a.reflection_text, a.clarification, a.verdict, a.hearted_by_partner, row_to_json(a)::text
            FROM check_in_answers a JOIN daily_questions d ON d.id = a.daily_question_id
            WHERE d.couple_id = @couple ORDER BY d.day, a.author_id
            """,
            connection);
        command.Parameters.AddWithValue("couple", coupleId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CheckInAnswerRow(
                reader.GetGuid(0),
                reader.GetFieldValue<DateOnly>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetBoolean(7),
                reader.GetString(8)));
        }

        return rows;
    }

    /// <summary>The one answer <paramref name="authorId"/> wrote for <paramref name="day"/>; fails the test unless there is exactly one.</summary>
    public async Task<CheckInAnswerRow> AnswerAsync(Guid coupleId, DateOnly day, string authorId) =>
        Assert.Single(await AnswersAsync(coupleId), row => row.Day == day && row.AuthorId == authorId);

    /// <summary>
    /// Every check-in row of a couple (questions, answers, depth setting) as JSON with its xmin, in a stable order:
    /// equal snapshots prove a refused action changed nothing, not even with a no-op UPDATE.
    /// </summary>
    public async Task<string> SnapshotAsync(Guid coupleId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(string_agg(line, E'\n' ORDER BY line), '') FROM (
                SELECT 'question ' || row_to_json(d)::text || ' xmin=' || d.xmin::text AS line FROM daily_questions d WHERE d.couple_id = @couple
                UNION ALL SELECT 'answer ' || row_to_json(a)::text || ' xmin=' || a.xmin::text
                    FROM check_in_answers a JOIN daily_questions d ON d.id = a.daily_question_id WHERE d.couple_id = @couple
                UNION ALL SELECT 'preference ' || row_to_json(p)::text || ' xmin=' || p.xmin::text FROM check_in_preferences p WHERE p.couple_id = @couple
            ) AS rows
            """,
            connection);
        command.Parameters.AddWithValue("couple", coupleId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many answers the whole database holds (for a class's own database: tests of a class run one at a time).</summary>
    public async Task<long> AllAnswersCountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM check_in_answers", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> AllDailyQuestionsCountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM daily_questions", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
