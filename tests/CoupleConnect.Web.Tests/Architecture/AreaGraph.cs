using System.Reflection;
using System.Text;

namespace CoupleConnect.Web.Tests.Architecture;

/// <summary>
/// An assembly's types grouped into areas (<c>Features/Rituals</c>, <c>Infrastructure</c>, <c>Components</c>…, from
/// their namespaces) and the dependencies between areas, each with the type pairs that make it.
/// </summary>
public sealed class AreaGraph
{
    private readonly Dictionary<(string From, string To), List<string>> _witnesses = [];

    public IEnumerable<(string From, string To)> Edges => _witnesses.Keys;

    public static AreaGraph Of(Assembly assembly)
    {
        var graph = new AreaGraph();
        var root = assembly.GetName().Name!;
        foreach (var type in assembly.GetTypes().Where(type => type.DeclaringType is null))
        {
            var from = AreaOf(type, root);
            foreach (var used in TypeDependencies.Of(type, assembly).Where(used => used.Namespace is not null))
            {
                var to = AreaOf(used, root);
                if (from != to)
                {
                    graph.Add(from, to, $"{type.Name} → {used.Name}");
                }
            }
        }

        return graph;
    }

    /// <summary><c>CoupleConnect.Web.Features.Rituals.X</c> → <c>Features/Rituals</c>; <c>CoupleConnect.Domain.Rituals</c> → <c>Features/Rituals</c>.</summary>
    public static string AreaOf(Type type, string root)
    {
        var parts = (type.Namespace ?? string.Empty).Split('.');
        var rootParts = root.Split('.').Length;
        if (parts.Length <= rootParts)
        {
            return "(root)";
        }

        var first = parts[rootParts];
        return first switch
        {
            "Features" when parts.Length > rootParts + 1 => "Features/" + parts[rootParts + 1],
            "Infrastructure" or "Components" or "Features" => first,
            _ when root.EndsWith(".Domain", StringComparison.Ordinal) => first == "Common" ? "Common" : "Features/" + first,
            _ => first,
        };
    }

    /// <summary>
    /// Groups of two or more areas that reach each other (strongly connected components), counting only the
    /// dependencies between areas <paramref name="within"/> accepts.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(Func<string, bool> within)
    {
        var areas = _witnesses.Keys.SelectMany(edge => new[] { edge.From, edge.To }).Where(within).Distinct().Order(StringComparer.Ordinal).ToList();
        var reach = areas.ToDictionary(area => area, area => Reachable(area, within));
        return [.. areas
            .Select(area => (IReadOnlyList<string>)[.. areas.Where(other => reach[area].Contains(other) && reach[other].Contains(area)).Order(StringComparer.Ordinal)])
            .Where(group => group.Count > 1)
            .DistinctBy(group => string.Join('|', group))];
    }

    /// <summary>A few of the type pairs that make the areas of <paramref name="group"/> depend on each other.</summary>
    public string Witnesses(IReadOnlyList<string> group)
    {
        var pairs = _witnesses.Where(edge => group.Contains(edge.Key.From) && group.Contains(edge.Key.To))
            .Select(edge => $"[{edge.Key.From} → {edge.Key.To}: {string.Join(", ", edge.Value.Take(3))}]");
        return string.Join(" ", pairs);
    }

    /// <summary>Every type pair (<c>User → Used</c>) that makes <paramref name="from"/> depend on <paramref name="to"/>.</summary>
    public IReadOnlyList<string> TypePairs(string from, string to) =>
        _witnesses.TryGetValue((from, to), out var pairs) ? pairs : [];

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var ((from, to), pairs) in _witnesses.OrderBy(edge => edge.Key.From, StringComparer.Ordinal).ThenBy(edge => edge.Key.To, StringComparer.Ordinal))
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{from} → {to} ({pairs.Count}): {string.Join(", ", pairs.Take(4))}");
        }

        return text.ToString();
    }

    private void Add(string from, string to, string witness)
    {
        if (!_witnesses.TryGetValue((from, to), out var list))
        {
            _witnesses[(from, to)] = list = [];
        }

        if (!list.Contains(witness))
        {
            list.Add(witness);
        }
    }

    private HashSet<string> Reachable(string start, Func<string, bool> within)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var area))
        {
            foreach (var (_, to) in _witnesses.Keys.Where(edge => edge.From == area && within(edge.To)))
            {
                if (seen.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return seen;
    }
}
