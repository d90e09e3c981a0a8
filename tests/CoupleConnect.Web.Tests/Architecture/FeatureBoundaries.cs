using System.Reflection;
using CoupleConnect.Domain.Common;
using Xunit.Abstractions;

namespace CoupleConnect.Web.Tests.Architecture;

/// <summary>
/// Issue 14, item 4: feature boundaries you can see. Features reach each other in one direction only (no cycles
/// between feature folders), and Infrastructure, which every feature uses, depends on no feature. Read from the
/// compiled code (<see cref="TypeDependencies"/>), so a page, a service or a lambda inside either counts.
/// </summary>
public sealed class FeatureBoundaries(ITestOutputHelper output)
{
    private static readonly Assembly Web = typeof(Program).Assembly;
    private static readonly Assembly Domain = typeof(TimeZoneId).Assembly;

    public static TheoryData<string> Assemblies => new() { Web.GetName().Name!, Domain.GetName().Name! };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoTwoFeatureFoldersDependOnEachOther(string assemblyName)
    {
        var graph = AreaGraph.Of(AssemblyNamed(assemblyName));
        output.WriteLine(graph.Describe());

        var cycles = graph.Cycles(within: area => area.StartsWith("Features/", StringComparison.Ordinal));

        Assert.True(cycles.Count == 0, "Feature folders that depend on each other (move what they share to a shared place, or reach across through a small hook interface): "
            + string.Join("; ", cycles.Select(cycle => string.Join(" ↔ ", cycle) + " via " + graph.Witnesses(cycle))));
    }

    /// <summary>
    /// The one use allowed: ASP.NET Core Identity's <c>IdentityDbContext&lt;TUser&gt;</c> must name the user type, which
    /// belongs to the accounts feature. Every other table a feature owns is declared by that feature (an extension
    /// property on the context) and configured there (assembly scan).
    /// </summary>
    private static readonly string[] AllowedUses = ["AppDbContext → ApplicationUser"];

    [Fact]
    public void InfrastructureDependsOnNoFeature()
    {
        var graph = AreaGraph.Of(Web);

        var reached = graph.Edges
            .Where(edge => edge.From == "Infrastructure" && edge.To.StartsWith("Features/", StringComparison.Ordinal))
            .SelectMany(edge => graph.TypePairs(edge.From, edge.To).Select(pair => $"{pair} ({edge.To})"))
            .Where(use => !AllowedUses.Any(allowed => use.StartsWith(allowed + " (", StringComparison.Ordinal)))
            .ToList();

        Assert.True(reached.Count == 0, "Infrastructure uses features: " + string.Join("; ", reached));
    }

    [Fact]
    public void TheReaderSeesTypesUsedInMethodBodies()
    {
        // FeatureBoundaries itself names AreaGraph only inside its methods: the IL reader must find it.
        Assert.Contains(typeof(AreaGraph), TypeDependencies.Of(typeof(FeatureBoundaries), typeof(FeatureBoundaries).Assembly));
    }

    private static Assembly AssemblyNamed(string name) => name == Web.GetName().Name ? Web : Domain;
}
