using System.Collections.Concurrent;
using System.Diagnostics;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands (round trips to PostgreSQL) one piece of code makes, from Npgsql's own tracing (its "Npgsql"
/// ActivitySource), so the app needs no test hook. Only commands started inside <see cref="MeasureAsync{T}"/>'s own
/// trace count: other tests running at the same time in this process, and the app's background listeners, have
/// other trace ids.
/// </summary>
public sealed class SqlRoundTrips : IDisposable
{
    private static readonly ActivitySource Source = new("CoupleConnect.IntegrationTests.SqlRoundTrips");

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(ActivityTraceId Trace, string Statement)> _commands = new();

    public SqlRoundTrips()
    {
        // Touched before the listener is added: a source created while the listener is being added would never hear of it.
        var own = Source;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql" || source == own,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Runs <paramref name="work"/> and returns its result with the statements it sent, in order.</summary>
    public async Task<(T Result, IReadOnlyList<string> Statements)> MeasureAsync<T>(Func<Task<T>> work)
    {
        // A new root: the commands started below (on this async flow) carry its trace id, and nothing else does.
        var previous = Activity.Current;
        Activity.Current = null;
        using var measured = Source.StartActivity("measured", ActivityKind.Internal) ?? throw new InvalidOperationException("The round-trip listener is not attached.");
        var trace = measured.TraceId;
        try
        {
            var result = await work();
            return (result, _commands.Where(command => command.Trace == trace).Select(command => command.Statement).ToList());
        }
        finally
        {
            measured.Stop();
            Activity.Current = previous;
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        // Npgsql may also trace opening a physical connection; only commands carry their SQL text.
        if (activity.Source.Name == "Npgsql"
            && (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string statement)
        {
            _commands.Enqueue((activity.TraceId, statement));
        }
    }
}
