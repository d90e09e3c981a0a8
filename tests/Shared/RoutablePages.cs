using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Tests.Shared;

/// <summary>A page (a Razor component with @page) as the app's own route table has it.</summary>
public sealed record RoutablePage(string Route, Type Component, bool StaticServerRendered, IReadOnlyList<string> Parameters)
{
    public override string ToString() => Route;
}

/// <summary>Every page the running app routes to, read from its endpoint data sources: a new page is found without a list to update.</summary>
public static class RoutablePages
{
    public static IReadOnlyList<RoutablePage> Of(IServiceProvider services) =>
        services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(endpoint => new RoutablePage(
                "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/'),
                endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type,
                endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute>() is not null,
                endpoint.RoutePattern.Parameters.Select(parameter => parameter.Name).ToList()))
            .DistinctBy(page => page.Route)
            .OrderBy(page => page.Route, StringComparer.Ordinal)
            .ToList();

    /// <summary>The route with each parameter replaced by its value (constraints such as <c>:guid</c> dropped).</summary>
    public static string Fill(RoutablePage page, IReadOnlyDictionary<string, string> values) =>
        "/" + string.Join('/', RoutePatternFactory.Parse(page.Route).PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(values[parameter.Name]),
            _ => string.Empty,
        }))));
}
