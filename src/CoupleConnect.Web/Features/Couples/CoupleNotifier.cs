namespace CoupleConnect.Web.Features.Couples;

/// <summary>What changed for a couple, so open pages know what to reload. Carries no content.</summary>
public enum CoupleChange
{
    CheckInAnswered,
    CheckInReflected,
}

/// <summary>
/// Per-couple change notifications for open pages (design §3 live updates). In-process for now: every circuit of a
/// couple on this instance hears it. Crossing app instances (PostgreSQL LISTEN/NOTIFY) comes with the dashboard issue.
/// </summary>
public sealed class CoupleNotifier
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

    public async Task PublishAsync(Guid coupleId, CoupleChange change)
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
