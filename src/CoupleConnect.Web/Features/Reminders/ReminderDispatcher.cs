using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// Turns due reminders into outbox rows (ADR 0011), for every kind: the daily ones (<see cref="DailyReminderSource"/>)
/// and those other features plan (<see cref="IDueReminderSource"/>, e.g. rituals). Each batch, in one transaction: a
/// source claims its due rows with FOR UPDATE SKIP LOCKED (so several instances never take the same row), decides send
/// or skip and advances them; the outbox rows are written keyed ON CONFLICT DO NOTHING (<see cref="ReminderOutboxStore"/>); commit.
/// </summary>
public sealed class ReminderDispatcher
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly IOptions<ReminderOptions> _options;
    private readonly ILogger<ReminderDispatcher> _logger;

    /// <summary>The daily reminders only (as the benchmarks and the concurrency tests build it).</summary>
    public ReminderDispatcher(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<ReminderOptions> options, ILogger<ReminderDispatcher> logger)
        : this(dataSource, timeProvider, options, logger, [])
    {
    }

    [ActivatorUtilitiesConstructor]
    public ReminderDispatcher(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<ReminderOptions> options, ILogger<ReminderDispatcher> logger, IEnumerable<IDueReminderSource> featureSources)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
        Sources = [new DailyReminderSource(options.Value.DispatchBatchSize), .. featureSources];
    }

    /// <summary>The daily reminders first, then each feature's.</summary>
    public IReadOnlyList<IDueReminderSource> Sources { get; }

    /// <summary>Dispatches everything due now, from every source.</summary>
    public async Task<ReminderDispatchResult> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var total = new ReminderDispatchResult(0, 0, 0);
        foreach (var source in Sources)
        {
            total += await DispatchDueAsync(source, cancellationToken);
        }

        return total;
    }

    /// <summary>
    /// Dispatches what <paramref name="source"/> has due now, batch after batch, until nothing is due:
    /// <see cref="ReminderOptions.DispatchConcurrency"/> batches at a time, each in its own transaction on its own
    /// connection (SKIP LOCKED keeps them apart, as it keeps app instances apart).
    /// </summary>
    public async Task<ReminderDispatchResult> DispatchDueAsync(IDueReminderSource source, CancellationToken cancellationToken = default)
    {
        var loops = Enumerable.Range(0, Math.Max(1, _options.Value.DispatchConcurrency)).Select(_ => DispatchUntilDoneAsync(source, cancellationToken));
        var total = (await Task.WhenAll(loops)).Aggregate(new ReminderDispatchResult(0, 0, 0), (sum, loop) => sum + loop);
        if (total.Claimed > 0)
        {
            _logger.LogInformation("Dispatched {Claimed} due reminders ({Source}): {Pending} to send, {Skipped} skipped", total.Claimed, source.GetType().Name, total.Pending, total.Skipped);
        }

        return total;
    }

    private async Task<ReminderDispatchResult> DispatchUntilDoneAsync(IDueReminderSource source, CancellationToken cancellationToken)
    {
        var total = new ReminderDispatchResult(0, 0, 0);
        while (true)
        {
            var batch = await DispatchBatchAsync(source, cancellationToken);
            total += batch;
            if (batch.Claimed < source.BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<ReminderDispatchResult> DispatchBatchAsync(IDueReminderSource source, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await source.ClaimDueAsync(new DispatchTransaction(connection, transaction), now, cancellationToken);
        if (due.Claimed == 0)
        {
            return new ReminderDispatchResult(0, 0, 0);
        }

        var (pending, skipped) = await ReminderOutboxStore.WriteAsync(connection, transaction, due.Writes, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReminderDispatchResult(due.Claimed, pending, skipped);
    }
}

public sealed record ReminderDispatchResult(int Claimed, int Pending, int Skipped)
{
    public static ReminderDispatchResult operator +(ReminderDispatchResult left, ReminderDispatchResult right) =>
        new(left.Claimed + right.Claimed, left.Pending + right.Pending, left.Skipped + right.Skipped);
}
