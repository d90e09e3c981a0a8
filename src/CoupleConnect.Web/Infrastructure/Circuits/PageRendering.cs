using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;

namespace CoupleConnect.Web.Infrastructure.Circuits;

/// <summary>
/// The one rule for how a page renders (ADR 0023): interactive (a circuit over a WebSocket) only for a signed-in
/// person on an app page; static server rendering for the account pages and for everything a signed-out visitor can
/// reach, so a stranger costs no circuit and no memory held between requests.
/// </summary>
public static class PageRendering
{
    /// <summary>The account pages, the error and unsubscribe pages: static, with their own light style sheet.</summary>
    public static bool IsAccountStylePage(HttpContext context) => !context.AcceptsInteractiveRouting();

    /// <summary>Whether this request's page renders interactive, and so opens a circuit.</summary>
    public static bool OpensACircuit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && !IsAccountStylePage(context)
        && context.User.Identity?.IsAuthenticated == true;
}
