using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of the very statements the service sends: one extra, untimed dashboard load through an
/// EF Core interceptor that copies each command's text and parameters, then each is explained on its own connection.
/// </summary>
public static class QueryPlans
{
    public static async Task<IReadOnlyList<StatementPlan>> ExplainServiceAsync(string connectionString, NpgsqlDataSource dataSource, DateTimeOffset now, string userId)
    {
        var capture = new CommandCapture();
        await using (var app = DashboardApp.Create(connectionString, now, userId, capture))
        {
            _ = await app.Dashboard.GetAsync() ?? throw new InvalidOperationException("The dashboard found no couple for the seeded user.");
        }

        var plans = new List<StatementPlan>();
        foreach (var (text, parameters) in capture.Commands)
        {
            plans.Add(await ExplainAsync(dataSource, text, parameters));
        }

        return plans;
    }

    /// <summary>How many times each statement is explained: one run on a shared machine says little.</summary>
    public const int Repeats = 5;

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) <see cref="Repeats"/> times; the run with the median execution time is kept.</summary>
    public static async Task<StatementPlan> ExplainAsync(NpgsqlDataSource dataSource, string text, IReadOnlyList<NpgsqlParameter> parameters, string? name = null)
    {
        var runs = new List<(double Milliseconds, string Plan)>();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var run = 0; run < Repeats; run++)
        {
            var lines = new StringBuilder();
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + text, connection);
            foreach (var parameter in parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.AppendLine(reader.GetString(0));
                }
            }

            var plan = lines.ToString().TrimEnd();
            var execution = plan.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("Execution Time:", StringComparison.Ordinal));
            var milliseconds = execution is null ? double.NaN : double.Parse(execution["Execution Time:".Length..].Replace("ms", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            runs.Add((milliseconds, plan));
        }

        var median = runs.OrderBy(run => run.Milliseconds).ElementAt(runs.Count / 2);
        var shown = string.Join(", ", parameters.Select(parameter => $"{parameter.ParameterName}={Show(parameter.Value)}"));
        return new StatementPlan(name ?? Describe(text), text, shown, median.Milliseconds, median.Plan);
    }

    /// <summary>A short name for each of the dashboard's statements.</summary>
    public static string Describe(string sql) => sql switch
    {
        _ when sql.Contains("couple_members", StringComparison.Ordinal) => "couple scope (membership + partner)",
        _ when sql.Contains("home_time_zone_id", StringComparison.Ordinal) => "couple zone + partner's name",
        _ when sql.Contains("UNION", StringComparison.Ordinal) => "streak: active days (answers ∪ positives, 367 days)",
        _ when sql.Contains("check_in_answers", StringComparison.Ordinal) => "today's question: who answered",
        _ when sql.Contains("GROUP BY", StringComparison.Ordinal) => "12 weeks of positives per day/author",
        _ when sql.Contains("positives", StringComparison.Ordinal) => "latest 8 positives (notes decrypted)",
        _ => sql.Length > 60 ? sql[..60].ReplaceLineEndings(" ") + "…" : sql.ReplaceLineEndings(" "),
    };

    private static string Show(object? value) => value switch
    {
        null or DBNull => "NULL",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    /// <summary>Copies every command EF sends (text and parameters) before it runs.</summary>
    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Text, IReadOnlyList<NpgsqlParameter> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(parameter => parameter.Clone())]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed record StatementPlan(string Name, string Sql, string Parameters, double ExecutionMilliseconds, string Plan);

