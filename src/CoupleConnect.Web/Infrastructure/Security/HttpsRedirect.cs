namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Redirects plain HTTP to HTTPS only when this app itself listens on HTTPS. Behind a TLS-terminating proxy (the shipped
/// nginx) or on http://localhost in Development there is no HTTPS port of its own: the middleware would find none, redirect
/// nothing, and warn "Failed to determine the https port for redirect" on the first request of every run.
/// </summary>
public static class HttpsRedirect
{
    public static WebApplication UseHttpsRedirectionWhereTheAppServesHttps(this WebApplication app)
    {
        if (ListensOnHttps(app.Configuration))
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>Whether an HTTPS address is configured: ASPNETCORE_URLS / --urls, ASPNETCORE_HTTPS_PORT(S), or a Kestrel endpoint.</summary>
    public static bool ListensOnHttps(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["https_port"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || (configuration["urls"] ?? string.Empty).Contains("https://", StringComparison.OrdinalIgnoreCase)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => (endpoint["Url"] ?? string.Empty).StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
