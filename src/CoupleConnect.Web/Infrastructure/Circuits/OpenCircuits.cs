using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoupleConnect.Web.Infrastructure.Circuits;

/// <summary>The number of circuits this instance holds right now.</summary>
public sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Opened() => Interlocked.Increment(ref _count);

    internal void Closed() => Interlocked.Decrement(ref _count);
}

/// <summary>Counts circuits as Blazor opens and closes them (a circuit handler lives in the circuit's own scope).</summary>
public sealed class CountingCircuitHandler(OpenCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed();
        return Task.CompletedTask;
    }
}
