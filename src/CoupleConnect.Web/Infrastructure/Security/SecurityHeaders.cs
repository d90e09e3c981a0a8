namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>CSP and the usual hardening headers on every response.</summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every response but the Hangfire dashboard's.</summary>
    // Blazor Server needs its WebSocket (connect-src) and inline styles that MudBlazor sets on elements.
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

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
            headers.ContentSecurityPolicy = Policy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });
}
