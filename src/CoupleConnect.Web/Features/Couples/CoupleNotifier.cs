namespace CoupleConnect.Web.Features.Couples;

/// <summary>What changed for a couple, so open pages know what to reload. Carries no content.</summary>
public enum CoupleChange
{
    CheckInAnswered,
    CheckInReflected,
    PositiveLogged,
    PositiveAcknowledged,
    RitualsChanged,
    CheckInSwapped,
}

/// <summary>
/// Per-couple change notifications for open pages (ADR 0010). Circuits on this instance hear a change
/// at once; other app instances hear it through PostgreSQL NOTIFY (<see cref="CoupleChangeRelay"/>).
/// </summary>
public sealed class CoupleNotifier(CoupleChangeRelay relay)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<Func<CoupleChange, Task>>> _listeners = [];

    public IDisposable Subscribe(Guid coupleId, Func<CoupleChange, Task> listener)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(coupleId, out var list))
            {
                _listeners[coupleId] = list = [];
            }

            list.Add(listener);
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                if (_listeners.TryGetValue(coupleId, out var list) && list.Remove(listener) && list.Count == 0)
                {
                    _listeners.Remove(coupleId);
                }
            }
        });
    }

    /// <summary>Tells every open page of the couple, on this instance and (through PostgreSQL) on the others.</summary>
    public async Task PublishAsync(Guid coupleId, CoupleChange change)
    {
        await DeliverLocallyAsync(coupleId, change);
        await relay.SendAsync(coupleId, change);
    }

    /// <summary>Delivers to this instance's listeners only (the relay calls it for other instances' changes).</summary>
    public async Task DeliverLocallyAsync(Guid coupleId, CoupleChange change)
    {
        Func<CoupleChange, Task>[] listeners;
        lock (_gate)
        {
            listeners = _listeners.TryGetValue(coupleId, out var list) ? [.. list] : [];
        }

        foreach (var listener in listeners)
        {
            try
            {
                await listener(change);
            }
            catch (ObjectDisposedException)
            {
                // A circuit that closed between the snapshot and the call; it unsubscribes on dispose.
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
