using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>
/// Turns due reminders into outbox rows (ADR 0011), for every kind: the daily ones (<see cref="DailyReminderSource"/>)
/// and those other features plan (<see cref="IDueReminderSource"/>, e.g. rituals). Each batch, in one transaction: a
/// source claims its due rows with FOR UPDATE SKIP LOCKED (so several instances never take the same row), decides send
/// or skip and advances them; the outbox rows are written keyed ON CONFLICT DO NOTHING (<see cref="NudgeOutboxStore"/>); commit.
/// </summary>
public sealed class NudgeDispatcher
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly IOptions<NudgeOptions> _options;
    private readonly ILogger<NudgeDispatcher> _logger;

    /// <summary>The daily reminders only (as the benchmarks and the concurrency tests build it).</summary>
    public NudgeDispatcher(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<NudgeOptions> options, ILogger<NudgeDispatcher> logger)
        : this(dataSource, timeProvider, options, logger, [])
    {
    }

    [ActivatorUtilitiesConstructor]
    public NudgeDispatcher(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<NudgeOptions> options, ILogger<NudgeDispatcher> logger, IEnumerable<IDueReminderSource> featureSources)
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
    public async Task<NudgeDispatchResult> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var total = new NudgeDispatchResult(0, 0, 0);
        foreach (var source in Sources)
        {
            total += await DispatchDueAsync(source, cancellationToken);
        }

        return total;
    }

    /// <summary>
    /// Dispatches what <paramref name="source"/> has due now, batch after batch, until nothing is due:
    /// <see cref="NudgeOptions.DispatchConcurrency"/> batches at a time, each in its own transaction on its own
    /// connection (SKIP LOCKED keeps them apart, as it keeps app instances apart).
    /// </summary>
    public async Task<NudgeDispatchResult> DispatchDueAsync(IDueReminderSource source, CancellationToken cancellationToken = default)
    {
        var loops = Enumerable.Range(0, Math.Max(1, _options.Value.DispatchConcurrency)).Select(_ => DispatchUntilDoneAsync(source, cancellationToken));
        var total = (await Task.WhenAll(loops)).Aggregate(new NudgeDispatchResult(0, 0, 0), (sum, loop) => sum + loop);
        if (total.Claimed > 0)
        {
            _logger.LogInformation("Dispatched {Claimed} due reminders ({Source}): {Pending} to send, {Skipped} skipped", total.Claimed, source.GetType().Name, total.Pending, total.Skipped);
        }

        return total;
    }

    private async Task<NudgeDispatchResult> DispatchUntilDoneAsync(IDueReminderSource source, CancellationToken cancellationToken)
    {
        var total = new NudgeDispatchResult(0, 0, 0);
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

    private async Task<NudgeDispatchResult> DispatchBatchAsync(IDueReminderSource source, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await source.ClaimDueAsync(new DispatchTransaction(connection, transaction), now, cancellationToken);
        if (due.Claimed == 0)
        {
            return new NudgeDispatchResult(0, 0, 0);
        }

        var (pending, skipped) = await NudgeOutboxStore.WriteAsync(connection, transaction, due.Writes, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NudgeDispatchResult(due.Claimed, pending, skipped);
    }
}

public sealed record NudgeDispatchResult(int Claimed, int Pending, int Skipped)
{
    public static NudgeDispatchResult operator +(NudgeDispatchResult left, NudgeDispatchResult right) =>
        new(left.Claimed + right.Claimed, left.Pending + right.Pending, left.Skipped + right.Skipped);
}
