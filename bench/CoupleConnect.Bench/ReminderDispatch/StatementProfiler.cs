using System.Collections.Concurrent;
using System.Diagnostics;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// Where a dispatcher run spends its time, per SQL statement, from Npgsql's own tracing (its "Npgsql" ActivitySource):
/// no change to the dispatcher needed. A reader's activity lasts until the reader is done, so a SELECT's time includes
/// the C# loop consuming its rows; the time to the first response is recorded separately.
/// </summary>
public sealed class StatementProfiler : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, Totals> _totals = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public StatementProfiler()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<(string Statement, int Count, TimeSpan Total, TimeSpan ToFirstResponse)> Results =>
        [.. _totals.OrderByDescending(pair => pair.Value.Total).Select(pair => (pair.Key, pair.Value.Count, pair.Value.Total, pair.Value.FirstResponse))];

    /// <summary>Records from now on, forgetting anything recorded before.</summary>
    public void Start()
    {
        _totals.Clear();
        _recording = true;
    }

    /// <summary>Stops recording (the checks after a run are not part of it).</summary>
    public void Stop() => _recording = false;

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (!_recording)
        {
            return;
        }

        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var firstResponse = activity.Events.FirstOrDefault(e => e.Name.Contains("first-response", StringComparison.OrdinalIgnoreCase));
        var toFirst = firstResponse.Name is null ? activity.Duration : firstResponse.Timestamp - activity.StartTimeUtc;
        _totals.AddOrUpdate(
            Classify(text),
            _ => new Totals(1, activity.Duration, toFirst),
            (_, totals) => new Totals(totals.Count + 1, totals.Total + activity.Duration, totals.FirstResponse + toFirst));
    }

    private static string Classify(string text) => text switch
    {
        _ when text.Contains("SKIP LOCKED", StringComparison.Ordinal) => "claim: SELECT … JOIN users/prefs/couples … FOR UPDATE SKIP LOCKED",
        _ when text.Contains("check_in_answers", StringComparison.Ordinal) => "already-answered lookup (unnest JOIN daily_questions/check_in_answers)",
        _ when text.Contains("positives", StringComparison.Ordinal) => "already-thanked lookup (unnest JOIN positives)",
        _ when text.Contains("DELETE FROM reminder_schedules", StringComparison.Ordinal) => "turned-off schedule DELETE … USING unnest",
        _ when text.Contains("INSERT INTO reminder_outbox", StringComparison.Ordinal) => "outbox INSERT … FROM unnest … ON CONFLICT DO NOTHING",
        _ when text.Contains("UPDATE reminder_schedules", StringComparison.Ordinal) => "schedule UPDATE … FROM unnest",
        _ => text.Length > 60 ? text[..60].ReplaceLineEndings(" ") + "…" : text.ReplaceLineEndings(" "),
    };

    private sealed record Totals(int Count, TimeSpan Total, TimeSpan FirstResponse);
}
