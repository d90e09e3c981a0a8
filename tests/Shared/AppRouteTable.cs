using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// One endpoint of the running app's own route table: its pattern, the methods it accepts, and the inputs a request
/// names (route parameters, query parameters of a page or a minimal API handler, form fields of a handler).
/// </summary>
public sealed record AppRoute(
    string Pattern,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> RouteParameters,
    IReadOnlyList<string> QueryParameters,
    IReadOnlyList<string> FormFields,
    Type? Page,
    bool IsStaticAsset)
{
    /// <summary>A page that opts out of interactive routing: Identity's static server-rendered pages.</summary>
    public bool StaticServerRendered { get; init; }

    public override string ToString() => $"{string.Join(",", Methods)} {Pattern}";
}

/// <summary>
/// Reads every routable endpoint from the app's <see cref="EndpointDataSource"/>: Razor component pages (@page), minimal
/// API endpoints, Identity's endpoints, health checks, the Hangfire dashboard, Blazor's own endpoints and static assets.
/// A page or endpoint added tomorrow is in this list without anyone writing it down.
/// </summary>
public static class AppRouteTable
{
    /// <summary>What a request to an endpoint that names no methods is sent with.</summary>
    private static readonly string[] AnyMethod = ["GET", "POST"];

    public static IReadOnlyList<AppRoute> Read(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(ToRoute)
            .GroupBy(route => route.Pattern, StringComparer.Ordinal) // a static asset has one endpoint per content encoding
            .Select(group => group.First() with { Methods = [.. group.SelectMany(route => route.Methods).Distinct(StringComparer.Ordinal)] })
            .OrderBy(route => route.Pattern, StringComparer.Ordinal)
            .ToList();

    private static AppRoute ToRoute(RouteEndpoint endpoint)
    {
        var raw = endpoint.RoutePattern.RawText ?? string.Empty;
        var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        return new AppRoute(
            raw.StartsWith('/') ? raw : "/" + raw,
            endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? AnyMethod,
            [.. endpoint.RoutePattern.Parameters.Select(parameter => parameter.Name)],
            page is not null ? QueryParametersOf(page) : handler is not null ? HandlerParameters<FromQueryAttribute>(handler, query => query.Name) : [],
            handler is not null ? HandlerParameters<FromFormAttribute>(handler, form => form.Name) : [],
            page,
            endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            StaticServerRendered = endpoint.Metadata.GetMetadata<ExcludeFromInteractiveRoutingAttribute>() is not null,
        };
    }

    private static string[] QueryParametersOf(Type page) =>
        [.. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(property => (property, query: property.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(pair => pair.query is not null)
            .Select(pair => pair.query!.Name ?? pair.property.Name)];

    private static string[] HandlerParameters<TAttribute>(MethodInfo handler, Func<TAttribute, string?> nameOf)
        where TAttribute : Attribute =>
        [.. handler.GetParameters()
            .Select(parameter => (parameter, attribute: parameter.GetCustomAttribute<TAttribute>()))
            .Where(pair => pair.attribute is not null)
            .Select(pair => nameOf(pair.attribute!) ?? pair.parameter.Name!)];
}
