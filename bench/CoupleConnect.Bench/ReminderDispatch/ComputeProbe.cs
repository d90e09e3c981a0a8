using System.Diagnostics;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using Npgsql;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// The dispatcher's per-row C# work, replayed alone on the due rows (no database in the timed loop): parse the zones,
/// parse the kind, the skip rules, the next due instant, the local dates. Split by step to show what dominates.
/// </summary>
public static class ComputeProbe
{
    public static async Task<IReadOnlyList<(string Step, TimeSpan Elapsed)>> MeasureAsync(NpgsqlDataSource dataSource, DateTimeOffset at)
    {
        var rows = new List<(string Kind, string Zone, TimeOnly QuestionAt, TimeOnly GratitudeAt, string CoupleZone)>();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var command = new NpgsqlCommand("""
                SELECT d.kind, u.time_zone_id, p.question_reminder_at, p.gratitude_reminder_at, c.home_time_zone_id
                FROM bench.due d
                JOIN "AspNetUsers" u ON u.id = d.user_id
                JOIN reminder_preferences p ON p.user_id = d.user_id
                JOIN couple_members m ON m.user_id = d.user_id
                JOIN couples c ON c.id = m.couple_id
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<TimeOnly>(2), reader.GetFieldValue<TimeOnly>(3), reader.GetString(4)));
            }
        }

        // Warm up (JIT, the runtime's zone cache), then time each step over every row.
        Run(rows.Take(1000).ToList(), at);
        return Run(rows, at);
    }

    private static List<(string, TimeSpan)> Run(List<(string Kind, string Zone, TimeOnly QuestionAt, TimeOnly GratitudeAt, string CoupleZone)> rows, DateTimeOffset at)
    {
        var results = new List<(string, TimeSpan)>();
        var zones = new TimeZoneId[rows.Count];
        var coupleZones = new TimeZoneId[rows.Count];
        var kinds = new ReminderKind[rows.Count];
        var times = new LocalTimeOfDay[rows.Count];

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i++)
        {
            zones[i] = TimeZoneId.ParseOrUtc(rows[i].Zone);
            coupleZones[i] = TimeZoneId.ParseOrUtc(rows[i].CoupleZone);
        }

        results.Add(("TimeZoneId.ParseOrUtc ×2 (user's and couple's zone)", stopwatch.Elapsed));

        stopwatch.Restart();
        for (var i = 0; i < rows.Count; i++)
        {
            kinds[i] = Enum.Parse<ReminderKind>(rows[i].Kind);
            times[i] = LocalTimeOfDay.From(kinds[i] == ReminderKind.EveningGratitude ? rows[i].GratitudeAt : rows[i].QuestionAt);
        }

        results.Add(("Enum.Parse + LocalTimeOfDay.From", stopwatch.Elapsed));

        stopwatch.Restart();
        var sendable = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var reason = ReminderRules.SkipReason(new ReminderFacts(kinds[i], true, true, false, true, false, at, at));
            sendable += reason is null ? 1 : 0;
        }

        results.Add(("ReminderRules.SkipReason", stopwatch.Elapsed));

        stopwatch.Restart();
        var checksum = 0L;
        for (var i = 0; i < rows.Count; i++)
        {
            checksum += ReminderClock.NextDueAfter(zones[i], times[i], at).Ticks;
        }

        results.Add(("ReminderClock.NextDueAfter", stopwatch.Elapsed));

        stopwatch.Restart();
        for (var i = 0; i < rows.Count; i++)
        {
            checksum += ReminderClock.LocalDateOf(zones[i], at).DayNumber + coupleZones[i].LocalDate(at).DayNumber;
        }

        results.Add(("local dates ×2 (key's date, couple's question day)", stopwatch.Elapsed));
        GC.KeepAlive(checksum + sendable);
        return results;
    }
}
