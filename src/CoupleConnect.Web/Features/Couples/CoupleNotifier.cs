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

    /// <summary>A need was written, changed, taken off, deleted, or marked "I'll try this" (or no longer).</summary>
    NeedsChanged,

    /// <summary>A talk was proposed, answered, begun, ended, or someone took their turn in it.</summary>
    TalksChanged,

    /// <summary>A time-out was called, extended, ended early, or one of them said they are ready.</summary>
    TimeOutChanged,

    /// <summary>Sent to one person (the inviter), whose couple did not exist until this moment.</summary>
    Paired,

    /// <summary>Reveal together was turned on, asked to go off, agreed or kept (never private mode: that tells nobody).</summary>
    PrivacyChanged,

    /// <summary>A therapist summary was proposed, accepted, declined, withdrawn, or someone changed what of theirs is in it.</summary>
    SessionSummaryChanged,

    /// <summary>A goal was set, changed, kept, finished or let go, or someone checked in on one (or deleted their check-in).</summary>
    GoalsChanged,

    /// <summary>A story moment or someone's side of one was added, changed or taken back.</summary>
    StoryChanged,

    /// <summary>A weekly temperature answer was given, changed or withdrawn (never while its author is in private mode).</summary>
    TemperatureChanged,
}

/// <summary>
/// Per-couple change notifications for open pages (ADR 0010). Circuits on this instance hear a change
/// at once; other app instances hear it through PostgreSQL NOTIFY (<see cref="CoupleChangeRelay"/>).
/// A person without a couple yet can be told too (their invite was accepted), keyed by their account.
/// </summary>
public sealed class CoupleNotifier(CoupleChangeRelay relay)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<CoupleChange, Task>>> _listeners = [];

    public IDisposable Subscribe(Guid coupleId, Func<CoupleChange, Task> listener) => Subscribe(ChangeAudience.Couple(coupleId), listener);

    /// <summary>Listens for changes meant for one person (before they have a couple).</summary>
    public IDisposable SubscribePerson(string userId, Func<CoupleChange, Task> listener) => Subscribe(ChangeAudience.Person(userId), listener);

    /// <summary>Tells every open page of the couple, on this instance and (through PostgreSQL) on the others.</summary>
    public Task PublishAsync(Guid coupleId, CoupleChange change) => PublishAsync(ChangeAudience.Couple(coupleId), change);

    /// <summary>Tells one person's open pages, on every instance.</summary>
    public Task PublishToPersonAsync(string userId, CoupleChange change) => PublishAsync(ChangeAudience.Person(userId), change);

    private Subscription Subscribe(string audience, Func<CoupleChange, Task> listener)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(audience, out var list))
            {
                _listeners[audience] = list = [];
            }

            list.Add(listener);
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                if (_listeners.TryGetValue(audience, out var list) && list.Remove(listener) && list.Count == 0)
                {
                    _listeners.Remove(audience);
                }
            }
        });
    }

    private async Task PublishAsync(string audience, CoupleChange change)
    {
        await DeliverLocallyAsync(audience, change);
        await relay.SendAsync(audience, change);
    }

    /// <summary>Delivers to this instance's listeners only (the relay calls it for other instances' changes).</summary>
    public async Task DeliverLocallyAsync(string audience, CoupleChange change)
    {
        Func<CoupleChange, Task>[] listeners;
        lock (_gate)
        {
            listeners = _listeners.TryGetValue(audience, out var list) ? [.. list] : [];
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
