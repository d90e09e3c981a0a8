namespace CoupleConnect.Web.Infrastructure.Circuits;

/// <summary>How many live Blazor circuits one instance holds, and how fast one client may open them.</summary>
public sealed class CircuitAdmissionOptions
{
    public const string SectionName = "CoupleConnect:Circuits";

    /// <summary>
    /// Open circuits per instance before new ones are refused with a "busy" page. A signed-in dashboard circuit holds
    /// about 840 KB (bench/results/circuits.md): 2,500 stay near 2 GB, well inside a 3.5 GB heap.
    /// </summary>
    public int MaxOpen { get; set; } = 2500;

    /// <summary>Circuit connections (SignalR negotiations) one client address may start per minute.</summary>
    public int ConnectionsPerClientPerMinute { get; set; } = 60;
}
