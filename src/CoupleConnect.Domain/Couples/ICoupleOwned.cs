namespace CoupleConnect.Domain.Couples;

/// <summary>
/// Something one couple owns: only that couple's partners may ever read it. The web app's data layer filters every
/// couple-owned entity to the couple a context was opened for (docs/adr/0025-couple-scope-as-a-query-filter.md), and a
/// test fails when one is not filtered.
/// </summary>
public interface ICoupleOwned;

/// <summary>A couple-owned entity that carries its couple's id itself (the filter is then the same for every such type).</summary>
public interface ICoupleKeyed : ICoupleOwned
{
    Guid CoupleId { get; }
}
