using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupleConnect.Web.Infrastructure;

/// <summary>
/// Every absolute link the app puts in an email or shows for sharing. It comes from <c>CoupleConnect:PublicUrl</c>, never
/// from the request: a forged Host header must not turn a genuine reset code into a link to someone else's site
/// (docs/adr/0020-public-url.md). Only in Development, without a configured address, the app's own listening address is used.
/// </summary>
public sealed class AppLinks(IConfiguration configuration, IServer server)
{
    public const string PublicUrlKey = "CoupleConnect:PublicUrl";

    public Uri BaseUri => Configured(configuration) ?? new Uri(Normalize(ListeningAddress()));

    public string To(string relativePath) => new Uri(BaseUri, relativePath.TrimStart('/')).ToString();

    /// <summary>An absolute link with query parameters; parameters whose value is null are left out.</summary>
    public string To(string relativePath, IReadOnlyDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString(To(relativePath), query.Where(parameter => parameter.Value is not null));

    /// <summary>The configured public address, or null when none is set; a malformed one stops the app with the reason.</summary>
    public static Uri? Configured(IConfiguration configuration)
    {
        var text = configuration[PublicUrlKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(Normalize(text.Trim()), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"{PublicUrlKey} must be the absolute http(s) address people open the app at, such as https://couples.example.org/, " +
                "with no query, fragment or user name.");
        }

        return uri;
    }

    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";

        // Kestrel reports wildcard bindings ("http://[::]:5080", "http://0.0.0.0:5080"); a browser needs a host name.
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
    }

    private static string Normalize(string url) => url.EndsWith('/') ? url : url + "/";
}
