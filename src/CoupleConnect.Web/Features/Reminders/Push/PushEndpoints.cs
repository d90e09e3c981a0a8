namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>Which push service addresses the server will send to (<see cref="PushOptions.AllowedEndpointHosts"/>).</summary>
public static class PushEndpoints
{
    public static string? ProblemWith(string endpoint, PushOptions options)
    {
        const string Refused = "This browser's notification service isn't one we send to. Reminders still come by email.";
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return Refused;
        }

        var schemeAllowed = uri.Scheme == Uri.UriSchemeHttps || (options.AllowHttpEndpoints && uri.Scheme == Uri.UriSchemeHttp);
        var host = uri.IdnHost;
        var hostAllowed = options.AllowedEndpointHosts.Any(allowed => allowed.StartsWith('.')
            ? host.EndsWith(allowed, StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));
        return schemeAllowed && hostAllowed ? null : Refused;
    }
}
