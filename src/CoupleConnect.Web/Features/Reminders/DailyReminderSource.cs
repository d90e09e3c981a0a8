using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Positives;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// The daily reminders' half of the dispatch (ADR 0011): claims due <c>reminder_schedules</c> rows with FOR UPDATE SKIP
/// LOCKED, decides send or skip (<see cref="ReminderRules"/>), advances next_due_utc. Set-based SQL with the DST
/// arithmetic in .NET (<see cref="ReminderClock"/>), so a million people cost a few round trips per 5,000.
/// </summary>
internal sealed class DailyReminderSource(int batchSize) : IDueReminderSource
{
    // Lock the batch on reminder_schedules alone first (an ordered index scan that stops after @batch rows), then read
    // the recipients' facts for those rows only. Joining before locking reads the facts of every row still due in every
    // batch, and a second dispatcher would join the rows the first one holds only to skip them.
    private const string ClaimDueSql = """
        WITH claimed AS (
            SELECT s.user_id, s.kind, s.next_due_utc
            FROM reminder_schedules s
            WHERE s.next_due_utc <= @now
            ORDER BY s.next_due_utc
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
        )
        SELECT s.user_id, s.kind, s.next_due_utc, u.time_zone_id, u.email_confirmed, u.email_bounced_at IS NOT NULL,
               p.question_reminder_on, p.question_reminder_at, p.gratitude_reminder_on, p.gratitude_reminder_at, p.partner_activity_on,
               m.couple_id, c.home_time_zone_id,
               EXISTS (SELECT 1 FROM couple_members o WHERE o.couple_id = m.couple_id AND o.user_id <> s.user_id AND o.left_at IS NULL),
               p.weekly_summary_on, p.weekly_temperature_on, p.weekly_temperature_day, p.weekly_temperature_at
        FROM claimed s
        JOIN "AspNetUsers" u ON u.id = s.user_id
        JOIN reminder_preferences p ON p.user_id = s.user_id
        LEFT JOIN couple_members m ON m.user_id = s.user_id AND m.left_at IS NULL
        LEFT JOIN couples c ON c.id = m.couple_id
        """;

    // A batch reaches a few thousand rows by key. With tables of a few hundred thousand rows the planner prefers to
    // hash whole tables once per batch (the advance UPDATE hashes all of reminder_schedules); index lookups are cheaper.
    private const string PreferIndexLookupsSql = "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";

    private const string AnsweredSql = """
        SELECT a.author_id, q.day
        FROM unnest(@couples, @authors, @days) AS wanted(couple_id, author_id, day)
        JOIN daily_questions q ON q.couple_id = wanted.couple_id AND q.day = wanted.day
        JOIN check_in_answers a ON a.daily_question_id = q.id AND a.author_id = wanted.author_id
        """;

    // A schedule row for a kind that is off (left behind by a race) is removed rather than skipped every day.
    private const string RemoveTurnedOffSql = """
        DELETE FROM reminder_schedules s
        USING unnest(@users, @kinds) AS t(user_id, kind)
        WHERE s.user_id = t.user_id AND s.kind = t.kind
        """;

    private const string AdvanceSql = """
        UPDATE reminder_schedules s SET next_due_utc = t.next_due_utc
        FROM unnest(@users, @kinds, @nexts) AS t(user_id, kind, next_due_utc)
        WHERE s.user_id = t.user_id AND s.kind = t.kind
        """;

    public int BatchSize => batchSize;

    public async Task<DueReminders> ClaimDueAsync(DispatchTransaction dispatch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (dispatch.Connection, dispatch.Transaction);
        await using (var hint = new NpgsqlCommand(PreferIndexLookupsSql, connection, transaction))
        {
            await hint.ExecuteNonQueryAsync(cancellationToken);
        }

        var due = await ClaimAsync(connection, transaction, now, cancellationToken);
        if (due.Count == 0)
        {
            return new DueReminders(0, []);
        }

        var answered = await FindDoneAsync(connection, transaction, AnsweredSql, due, ReminderKind.DailyQuestion, cancellationToken);
        var thanked = await FindThankedAsync(connection, transaction, due, cancellationToken);
        var decisions = due.Select(row => Decide(row, answered, thanked, now)).ToList();
        await AdvanceAsync(connection, transaction, decisions, cancellationToken);
        await RemoveTurnedOffAsync(connection, transaction, decisions, cancellationToken);
        return new DueReminders(decisions.Count, decisions.Select(decision => decision.ToOutbox()).ToList());
    }

    private async Task<List<DueRow>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimDueSql, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batchSize);
        var rows = new List<DueRow>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var userZone = TimeZoneId.ParseOrUtc(reader.GetString(3));
            var preferences = new SavedPreferences(
                reader.GetBoolean(6),
                LocalTimeOfDay.From(reader.GetFieldValue<TimeOnly>(7)),
                reader.GetBoolean(8),
                LocalTimeOfDay.From(reader.GetFieldValue<TimeOnly>(9)),
                reader.GetBoolean(10),
                reader.GetBoolean(14))
            {
                TemperatureOn = reader.GetBoolean(15),
                TemperatureDay = (DayOfWeek)reader.GetInt32(16),
                TemperatureAt = LocalTimeOfDay.From(reader.GetFieldValue<TimeOnly>(17)),
            };
            Guid? coupleId = reader.IsDBNull(11) ? null : reader.GetGuid(11);
            rows.Add(new DueRow(
                reader.GetString(0),
                Enum.Parse<ReminderKind>(reader.GetString(1)),
                reader.GetFieldValue<DateTimeOffset>(2),
                userZone,
                reader.GetBoolean(4),
                reader.GetBoolean(5),
                preferences,
                coupleId is not null && reader.GetBoolean(13) ? coupleId : null,
                reader.IsDBNull(12) ? null : TimeZoneId.ParseOrUtc(reader.GetString(12))));
        }

        return rows;
    }

    /// <summary>
    /// Which recipients of <paramref name="kind"/> already did that day's thing (answered the question, wrote tonight's
    /// gratitude), by the couple's home-zone day: <paramref name="sql"/> maps (couple, author, day) to those done.
    /// </summary>
    private static async Task<HashSet<(string UserId, DateOnly Day)>> FindDoneAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, List<DueRow> due, ReminderKind kind, CancellationToken cancellationToken)
    {
        var asks = due.Where(row => row.Kind == kind && row.CoupleId is not null).ToList();
        var answered = new HashSet<(string, DateOnly)>();
        if (asks.Count == 0)
        {
            return answered;
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("couples", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = asks.Select(row => row.CoupleId!.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("authors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = asks.Select(row => row.UserId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = asks.Select(row => row.CoupleDay).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            answered.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return answered;
    }

    /// <summary>Which evening-reminder recipients already thanked tonight, as of the reminder's due time.</summary>
    private static Task<HashSet<string>> FindThankedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<DueRow> due, CancellationToken cancellationToken) =>
        ThankedTonight.WhoAsync(
            connection,
            transaction,
            due.Where(row => row.Kind == ReminderKind.EveningGratitude && row.CoupleId is not null)
                .Select(row => new TonightsWriter(row.CoupleId!.Value, row.UserId, GratitudeTonight.Of(row.UserZone, row.DueUtc, row.DueUtc)))
                .ToList(),
            cancellationToken);

    private static Decision Decide(DueRow row, HashSet<(string UserId, DateOnly Day)> answered, HashSet<string> thanked, DateTimeOffset now)
    {
        var facts = new ReminderFacts(
            row.Kind,
            row.Preferences.IsOn(row.Kind),
            row.EmailConfirmed,
            row.AddressBounced,
            row.CoupleId is not null,
            answered.Contains((row.UserId, row.CoupleDay)),
            row.DueUtc,
            now)
        {
            AlreadyThanked = row.Kind == ReminderKind.EveningGratitude && thanked.Contains(row.UserId),
        };

        // The next one is after "now", not after the due time: after an outage the missed days are not replayed.
        var next = ReminderClock.NextDueAfter(row.UserZone, row.Preferences.TimeOf(row.Kind), now, row.Preferences.DayOf(row.Kind));
        return new Decision(row.UserId, row.Kind, ReminderClock.LocalDateOf(row.UserZone, row.DueUtc), row.DueUtc, ReminderRules.SkipReason(facts), next);
    }

    private static async Task RemoveTurnedOffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Decision> decisions, CancellationToken cancellationToken)
    {
        var turnedOff = decisions.Where(decision => decision.SkipReason == ReminderSkipReason.TurnedOff).ToList();
        if (turnedOff.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(RemoveTurnedOffSql, connection, transaction);
        command.Parameters.Add(TextArray("users", turnedOff.Select(decision => decision.UserId)));
        command.Parameters.Add(TextArray("kinds", turnedOff.Select(decision => decision.Kind.ToString())));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AdvanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Decision> decisions, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AdvanceSql, connection, transaction);
        command.Parameters.Add(TextArray("users", decisions.Select(decision => decision.UserId)));
        command.Parameters.Add(TextArray("kinds", decisions.Select(decision => decision.Kind.ToString())));
        command.Parameters.Add(new NpgsqlParameter("nexts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = decisions.Select(decision => decision.NextDueUtc.UtcDateTime).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private sealed record SavedPreferences(bool QuestionOn, LocalTimeOfDay QuestionAt, bool GratitudeOn, LocalTimeOfDay GratitudeAt, bool PartnerActivityOn, bool WeeklySummaryOn)
    {
        public bool TemperatureOn { get; init; }

        public DayOfWeek TemperatureDay { get; init; } = DayOfWeek.Sunday;

        public LocalTimeOfDay TemperatureAt { get; init; } = LocalTimeOfDay.EveningDefault;

        public DayOfWeek? DayOf(ReminderKind kind) => kind == ReminderKind.WeeklyTemperature ? TemperatureDay : ReminderPreferences.WeekdayOf(kind);

        public bool IsOn(ReminderKind kind) => kind switch
        {
            ReminderKind.WeeklyTemperature => TemperatureOn,
            ReminderKind.DailyQuestion => QuestionOn,
            ReminderKind.EveningGratitude => GratitudeOn,
            ReminderKind.PartnerActivity => PartnerActivityOn,
            ReminderKind.WeeklySummary => WeeklySummaryOn,
            _ => false,
        };

        public LocalTimeOfDay TimeOf(ReminderKind kind) => kind switch
        {
            ReminderKind.EveningGratitude => GratitudeAt,
            ReminderKind.WeeklySummary => ReminderPreferences.WeeklySummaryAt,
            ReminderKind.WeeklyTemperature => TemperatureAt,
            _ => QuestionAt,
        };
    }

    private sealed record DueRow(
        string UserId,
        ReminderKind Kind,
        DateTimeOffset DueUtc,
        TimeZoneId UserZone,
        bool EmailConfirmed,
        bool AddressBounced,
        SavedPreferences Preferences,
        Guid? CoupleId,
        TimeZoneId? CoupleZone)
    {
        /// <summary>The couple's question day at the due instant: questions follow the couple's home zone.</summary>
        public DateOnly CoupleDay => (CoupleZone ?? UserZone).LocalDate(DueUtc);
    }

    private sealed record Decision(string UserId, ReminderKind Kind, DateOnly LocalDate, DateTimeOffset DueUtc, ReminderSkipReason? SkipReason, DateTimeOffset NextDueUtc)
    {
        public ReminderOutboxWrite ToOutbox() => new(UserId, Kind, LocalDate, null, DueUtc, SkipReason);
    }
}
