using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoupleConnect.Web.Infrastructure;

/// <summary>
/// Absolute links for emails sent by background jobs, which have no request to take the host from.
/// <c>CoupleConnect:PublicUrl</c> names the address people use; without it (development) the app's own listening
/// address is used.
/// </summary>
public sealed class AppLinks(IConfiguration configuration, IServer server)
{
    public const string PublicUrlKey = "CoupleConnect:PublicUrl";

    public Uri BaseUri => new(Normalize(configuration[PublicUrlKey] is { Length: > 0 } configured ? configured : ListeningAddress()));

    public string To(string relativePath) => new Uri(BaseUri, relativePath.TrimStart('/')).ToString();

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
