using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Dashboard;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Infrastructure.Security;
using Npgsql;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>
/// The same dashboard data by hand-written SQL through Npgsql alone (no EF Core): the floor the service is compared
/// with. Two shapes: the service's own six statements, one round trip each; and everything in one batch, one round
/// trip (couple scope and "today" computed in SQL). Both build the same <see cref="DashboardView"/> with the same
/// domain code, decrypting the same eight notes, and the benchmark checks the views equal the service's.
/// </summary>
public sealed class RawDashboard(NpgsqlDataSource dataSource, FieldEncryptor encryptor, TimeProvider timeProvider)
{
    private const string ScopeSql = """
        SELECT m.couple_id,
               (SELECT o.user_id FROM couple_members o WHERE o.couple_id = m.couple_id AND o.user_id <> @user LIMIT 1)
        FROM couple_members m
        WHERE m.user_id = @user AND m.left_at IS NULL
        """;

    private const string CoupleSql = """
        SELECT c.home_time_zone_id, (SELECT u.display_name FROM "AspNetUsers" u WHERE u.id = @partner)
        FROM couples c
        WHERE c.id = @couple
        """;

    private const string AnsweredTodaySql = """
        SELECT a.author_id
        FROM daily_questions q
        JOIN check_in_answers a ON a.daily_question_id = q.id
        WHERE q.couple_id = @couple AND q.day = @today
        """;

    private const string LatestSql = """
        SELECT p.id, p.kind, p.note, p.day, p.is_evening_gratitude, p.author_id, p.created_at, p.acknowledged_at
        FROM positives p
        WHERE p.couple_id = @couple
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT @latest
        """;

    private const string PerDaySql = """
        SELECT p.day, p.author_id, p.is_evening_gratitude, count(*)::int
        FROM positives p
        WHERE p.couple_id = @couple AND p.day >= @first_week AND p.day <= @today
        GROUP BY p.day, p.author_id, p.is_evening_gratitude
        """;

    /// <summary>The service's own statement (ActiveDaysAsync), word for word.</summary>
    private const string ActiveDaysSql = """
        SELECT a.author_id AS author_id, (a.answered_at AT TIME ZONE @zone)::date AS day
        FROM check_in_answers a JOIN daily_questions q ON q.id = a.daily_question_id
        WHERE q.couple_id = @couple AND a.answered_at >= @since
        UNION
        SELECT p.author_id, (p.created_at AT TIME ZONE @zone)::date
        FROM positives p
        WHERE p.couple_id = @couple AND p.created_at >= @since
        """;

    /// <summary>
    /// The proposed streak statement: the same rows, but only the questions that can have answers since then (a day's
    /// question is answered on that day or the six after), so a long history's older questions are never visited.
    /// </summary>
    private const string ProposedActiveDaysSql = """
        SELECT a.author_id AS author_id, (a.answered_at AT TIME ZONE @zone)::date AS day
        FROM check_in_answers a JOIN daily_questions q ON q.id = a.daily_question_id
        WHERE q.couple_id = @couple AND q.day >= @first_question_day AND a.answered_at >= @since
        UNION
        SELECT p.author_id, (p.created_at AT TIME ZONE @zone)::date
        FROM positives p
        WHERE p.couple_id = @couple AND p.created_at >= @since
        """;

    /// <summary>For the one-trip batch: the couple, the partner and today, from the signed-in id and the instant.</summary>
    private const string Me = """
        WITH me AS (
            SELECT m.couple_id, c.home_time_zone_id AS zone, (@now AT TIME ZONE c.home_time_zone_id)::date AS today
            FROM couple_members m JOIN couples c ON c.id = m.couple_id
            WHERE m.user_id = @user AND m.left_at IS NULL)
        """;

    private static readonly string[] BatchSql =
    [
        """
        SELECT m.couple_id, o.user_id, c.home_time_zone_id, u.display_name, (@now AT TIME ZONE c.home_time_zone_id)::date
        FROM couple_members m
        JOIN couple_members o ON o.couple_id = m.couple_id AND o.user_id <> m.user_id
        JOIN couples c ON c.id = m.couple_id
        JOIN "AspNetUsers" u ON u.id = o.user_id
        WHERE m.user_id = @user AND m.left_at IS NULL
        """,
        Me + """
        SELECT a.author_id
        FROM me JOIN daily_questions q ON q.couple_id = me.couple_id AND q.day = me.today
        JOIN check_in_answers a ON a.daily_question_id = q.id
        """,
        Me + """
        SELECT p.id, p.kind, p.note, p.day, p.is_evening_gratitude, p.author_id, p.created_at, p.acknowledged_at
        FROM me CROSS JOIN LATERAL (
            SELECT * FROM positives p WHERE p.couple_id = me.couple_id ORDER BY p.created_at DESC, p.id DESC LIMIT @latest) p
        ORDER BY p.created_at DESC, p.id DESC
        """,
        Me + """
        SELECT p.day, p.author_id, p.is_evening_gratitude, count(*)::int
        FROM me JOIN positives p ON p.couple_id = me.couple_id
        WHERE p.day >= date_trunc('week', me.today)::date - 7 * (@weeks - 1) AND p.day <= me.today
        GROUP BY p.day, p.author_id, p.is_evening_gratitude
        """,
        Me + """
        SELECT a.author_id, (a.answered_at AT TIME ZONE me.zone)::date
        FROM me JOIN daily_questions q ON q.couple_id = me.couple_id
        JOIN check_in_answers a ON a.daily_question_id = q.id
        WHERE a.answered_at >= (me.today - @streak_days - 1)::timestamp AT TIME ZONE 'UTC'
        UNION
        SELECT p.author_id, (p.created_at AT TIME ZONE me.zone)::date
        FROM me JOIN positives p ON p.couple_id = me.couple_id
        WHERE p.created_at >= (me.today - @streak_days - 1)::timestamp AT TIME ZONE 'UTC'
        """,
    ];

    /// <summary>The proposed streak statement with its parameters for the seeded couple, for EXPLAIN.</summary>
    public static (string Sql, IReadOnlyList<NpgsqlParameter> Parameters) ProposedStreakStatement(Guid coupleId, string zone, DateOnly today) =>
        (ProposedActiveDaysSql,
        [
            new("zone", zone),
            new("couple", coupleId),
            new("first_question_day", ProposedFirstQuestionDay(today)),
            new("since", today.AddDays(-EngagementStreak.MaxDaysCounted - 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        ]);

    /// <summary>One round trip per statement, in the service's order, each on a pooled connection as EF opens them.</summary>
    /// <param name="proposedStreak">Runs the proposed streak statement instead of the service's.</param>
    public async Task<DashboardView?> LoadSixTripsAsync(string userId, bool proposedStreak)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        Guid coupleId;
        string partnerId;
        await using (var scope = new NpgsqlCommand(ScopeSql, connection))
        {
            scope.Parameters.AddWithValue("user", userId);
            await using var reader = await scope.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || reader.IsDBNull(1))
            {
                return null;
            }

            (coupleId, partnerId) = (reader.GetGuid(0), reader.GetString(1));
        }

        string zoneId;
        string partnerName;
        await using (var couple = new NpgsqlCommand(CoupleSql, connection))
        {
            couple.Parameters.AddWithValue("couple", coupleId);
            couple.Parameters.AddWithValue("partner", partnerId);
            await using var reader = await couple.ExecuteReaderAsync();
            await reader.ReadAsync();
            (zoneId, partnerName) = (reader.GetString(0), reader.GetString(1));
        }

        var zone = TimeZoneId.ParseOrUtc(zoneId);
        var today = zone.LocalDate(timeProvider.GetUtcNow());
        var firstWeek = CoupleWeeks.StartOf(today).AddDays(-7 * (DashboardView.WeeksShown - 1));
        var since = today.AddDays(-EngagementStreak.MaxDaysCounted - 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var answered = new List<string>();
        await using (var command = new NpgsqlCommand(AnsweredTodaySql, connection))
        {
            command.Parameters.AddWithValue("couple", coupleId);
            command.Parameters.AddWithValue("today", today);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                answered.Add(reader.GetString(0));
            }
        }

        List<LatestRow> latest;
        await using (var command = new NpgsqlCommand(LatestSql, connection))
        {
            command.Parameters.AddWithValue("couple", coupleId);
            command.Parameters.AddWithValue("latest", DashboardView.LatestCount);
            await using var reader = await command.ExecuteReaderAsync();
            latest = await ReadLatestAsync(reader);
        }

        var perDay = new List<PerDayRow>();
        await using (var command = new NpgsqlCommand(PerDaySql, connection))
        {
            command.Parameters.AddWithValue("couple", coupleId);
            command.Parameters.AddWithValue("first_week", firstWeek);
            command.Parameters.AddWithValue("today", today);
            await using var reader = await command.ExecuteReaderAsync();
            await ReadPerDayAsync(reader, perDay);
        }

        var active = new List<(string AuthorId, DateOnly Day)>();
        await using (var command = new NpgsqlCommand(proposedStreak ? ProposedActiveDaysSql : ActiveDaysSql, connection))
        {
            command.Parameters.AddWithValue("zone", zone.Value);
            if (proposedStreak)
            {
                command.Parameters.AddWithValue("first_question_day", ProposedFirstQuestionDay(today));
            }

            command.Parameters.AddWithValue("couple", coupleId);
            command.Parameters.AddWithValue("since", since);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                active.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
            }
        }

        return Assemble(userId, partnerId, partnerName, today, answered, latest, perDay, active);
    }

    /// <summary>Everything in one batch: one round trip, the scope and "today" worked out by PostgreSQL.</summary>
    public async Task<DashboardView?> LoadOneTripAsync(string userId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in BatchSql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("user", userId);
            command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
            command.Parameters.AddWithValue("latest", DashboardView.LatestCount);
            command.Parameters.AddWithValue("weeks", DashboardView.WeeksShown);
            command.Parameters.AddWithValue("streak_days", EngagementStreak.MaxDaysCounted);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var partnerId = reader.GetString(1);
        var partnerName = reader.GetString(3);
        var today = reader.GetFieldValue<DateOnly>(4);
        await reader.NextResultAsync();

        var answered = new List<string>();
        while (await reader.ReadAsync())
        {
            answered.Add(reader.GetString(0));
        }

        await reader.NextResultAsync();
        var latest = await ReadLatestAsync(reader);
        await reader.NextResultAsync();
        var perDay = new List<PerDayRow>();
        await ReadPerDayAsync(reader, perDay);
        await reader.NextResultAsync();
        var active = new List<(string AuthorId, DateOnly Day)>();
        while (await reader.ReadAsync())
        {
            active.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return Assemble(userId, partnerId, partnerName, today, answered, latest, perDay, active);
    }

    /// <summary>
    /// The oldest question day that can have an answer at or after the streak's start: that start is UTC midnight of
    /// today − 367, at worst the local day before in the couple's zone, and an answer comes at most six days after its
    /// question's day.
    /// </summary>
    public static DateOnly ProposedFirstQuestionDay(DateOnly today) =>
        today.AddDays(-EngagementStreak.MaxDaysCounted - 1 - 1 - (DailyQuestion.AnswerWindowDays - 1));

    private async Task<List<LatestRow>> ReadLatestAsync(NpgsqlDataReader reader)
    {
        var rows = new List<LatestRow>(DashboardView.LatestCount);
        while (await reader.ReadAsync())
        {
            rows.Add(new LatestRow(
                reader.GetGuid(0),
                Enum.Parse<PositiveKind>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : encryptor.Decrypt(reader.GetString(2), StoredPlace.Of("positives", "note", StoredPlace.KeyText(reader.GetGuid(0)))), // bound to its row (ADR 0017)
                reader.GetFieldValue<DateOnly>(3),
                reader.GetBoolean(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }

    private static async Task ReadPerDayAsync(NpgsqlDataReader reader, List<PerDayRow> rows)
    {
        while (await reader.ReadAsync())
        {
            rows.Add(new PerDayRow(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetBoolean(2), reader.GetInt32(3)));
        }
    }

    /// <summary>The service's arithmetic on the rows (DashboardService.LoadAsync after its queries), for an equal view.</summary>
    private static DashboardView Assemble(
        string userId,
        string partnerId,
        string partnerName,
        DateOnly today,
        List<string> answered,
        List<LatestRow> latest,
        List<PerDayRow> perDay,
        List<(string AuthorId, DateOnly Day)> active)
    {
        var both = answered.Count >= 2;
        QuestionStatus StatusOf(string id) => both ? QuestionStatus.Revealed : answered.Contains(id) ? QuestionStatus.Answered : QuestionStatus.NotAnswered;
        bool ThankedToday(string id) => perDay.Any(day => day.Day == today && day.AuthorId == id && day.IsEveningGratitude);
        var weeks = CoupleWeeks.Count(perDay.SelectMany(day => Enumerable.Repeat((day.Day, day.AuthorId == userId), day.Count)), today, DashboardView.WeeksShown);
        return new DashboardView(
            partnerName,
            today,
            StatusOf(userId),
            StatusOf(partnerId),
            ThankedToday(userId),
            ThankedToday(partnerId),
            [.. latest.Select(row => new PositiveView(row.Id, row.Kind, row.Note, row.Day, row.IsEveningGratitude, row.AuthorId == userId, row.CreatedAt, row.AcknowledgedAt))],
            weeks,
            EngagementStreak.Compute(
                active.Where(day => day.AuthorId == userId).Select(day => day.Day),
                active.Where(day => day.AuthorId == partnerId).Select(day => day.Day),
                today));
    }

    private sealed record LatestRow(Guid Id, PositiveKind Kind, string? Note, DateOnly Day, bool IsEveningGratitude, string AuthorId, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt);

    private sealed record PerDayRow(DateOnly Day, string AuthorId, bool IsEveningGratitude, int Count);
}
