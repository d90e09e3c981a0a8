using System.Security.Cryptography;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>CSP and the usual hardening headers on every response.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy of every response but the Hangfire dashboard's. Scripts, styles and connections come
    /// from this origin only; <c>connect-src</c> names the circuit's own WebSocket origin, since not every browser
    /// counts ws/wss under 'self'. MudBlazor sets inline styles on elements, hence 'unsafe-inline' for styles alone.
    /// The one inline script, Blazor's import map, runs by this response's nonce (its content changes with every build).
    /// The service worker and the web app manifest (docs/adr/0043) come from this origin too, said outright.
    /// </summary>
    public static string PolicyFor(HttpRequest request, string scriptNonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{scriptNonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        $"connect-src 'self' {WebSocketOrigin(request)}; worker-src 'self'; manifest-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>This response's script nonce (set by <see cref="UseSecurityHeaders"/>), for the inline scripts the app renders itself.</summary>
    public static string? ScriptNonce(HttpContext context) => context.Items[ScriptNonceKey] as string;

    private static readonly object ScriptNonceKey = new();

    /// <summary>The request's own origin with the WebSocket scheme (wss behind HTTPS). Host filtering has vetted the host.</summary>
    public static string WebSocketOrigin(HttpRequest request) =>
        (request.IsHttps ? "wss://" : "ws://") + request.Host.ToUriComponent();

    /// <summary>HSTS (sent outside Development, over HTTPS) for a year, as OWASP advises; not preloaded, no subdomains.</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        // The Hangfire dashboard ships inline scripts of its own; it is admin-only and keeps its default policy.
        if (!context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase))
        {
            // 128 random bits per response, as the CSP specification asks of a nonce.
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[ScriptNonceKey] = nonce;
            headers.ContentSecurityPolicy = PolicyFor(context.Request, nonce);
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });
}
