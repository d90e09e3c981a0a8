using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CoupleConnect.Tests.Shared;

/// <summary>A page (a Razor component with @page) as the app's own route table has it.</summary>
public sealed record RoutablePage(string Route, Type Component, bool StaticServerRendered, IReadOnlyList<string> Parameters)
{
    public override string ToString() => Route;
}

/// <summary>Every page the running app routes to, from its own route table (<see cref="AppRouteTable"/>): a new page is found without a list to update.</summary>
public static class RoutablePages
{
    public static IReadOnlyList<RoutablePage> Of(IServiceProvider services) =>
        [.. AppRouteTable.Read(services)
            .Where(route => route.Page is not null)
            .Select(route => new RoutablePage(route.Pattern, route.Page!, route.StaticServerRendered, route.RouteParameters))];

    /// <summary>The route with each parameter replaced by its value (constraints such as <c>:guid</c> dropped).</summary>
    public static string Fill(RoutablePage page, IReadOnlyDictionary<string, string> values) =>
        "/" + string.Join('/', RoutePatternFactory.Parse(page.Route).PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(values[parameter.Name]),
            _ => string.Empty,
        }))));
}
