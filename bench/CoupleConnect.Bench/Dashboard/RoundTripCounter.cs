using System.Collections.Concurrent;
using System.Diagnostics;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>
/// Times one piece of work and counts the SQL round trips it makes, as Npgsql itself reports them (its "Npgsql"
/// ActivitySource: one activity per command or batch sent), so the code under test needs no hook. Each measurement
/// starts a trace of its own and only activities in that trace count. The listener stays attached for every timed
/// run, of the service and of the raw SQL alike, so both pay the same few microseconds of tracing.
/// </summary>
public sealed class RoundTripCounter : IDisposable
{
    private static readonly ActivitySource Source = new("CoupleConnect.Bench.Dashboard");

    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> _commands = new();

    public RoundTripCounter()
    {
        var own = Source;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql" || source == own,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Runs <paramref name="work"/>; returns its result, its wall time and the statements it sent, in order.</summary>
    public async Task<Measured<T>> MeasureAsync<T>(Func<Task<T>> work)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        using var root = Source.StartActivity("measured", ActivityKind.Internal) ?? throw new InvalidOperationException("The round-trip listener is not attached.");
        var trace = root.TraceId;
        var queue = _commands.GetOrAdd(trace, _ => new ConcurrentQueue<string>());
        try
        {
            var started = Stopwatch.GetTimestamp();
            var result = await work();
            var elapsed = Stopwatch.GetElapsedTime(started);
            return new Measured<T>(result, elapsed, [.. queue]);
        }
        finally
        {
            root.Stop();
            Activity.Current = previous;
            _commands.TryRemove(trace, out _);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        // Npgsql traces commands and batches (the SQL in db.query.text) and, when a physical connection opens, that
        // too: both are round trips to the server, so both count; a connection open is marked as such.
        if (activity.Source.Name != "Npgsql" || !_commands.TryGetValue(activity.TraceId, out var queue))
        {
            return;
        }

        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string;
        queue.Enqueue(text ?? $"({activity.OperationName})");
    }
}

public sealed record Measured<T>(T Result, TimeSpan Elapsed, IReadOnlyList<string> Statements);
