using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// X-Forwarded-For and -Proto are believed only from the proxies named in <c>CoupleConnect:TrustedProxies</c> (addresses or
/// CIDR networks), loopback when none is named. A client that forges X-Forwarded-For stays itself, so the per-client
/// limits hold. <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> alone used to trust every sender; now it trusts the same list.
/// </summary>
public static class TrustedProxies
{
    public const string SectionName = "CoupleConnect:TrustedProxies";

    /// <summary>The host's own switch; when on, the host adds the middleware itself and this setup only narrows whom it trusts.</summary>
    private const string HostSwitchKey = "ForwardedHeaders_Enabled";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var entries = builder.Configuration.GetSection(SectionName).Get<string[]>() ?? [];
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(entry => entry.Trim()))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{SectionName} has '{entry}', which is neither an IP address nor a network such as 172.28.0.0/16.");
            }
        }

        // PostConfigure runs after the host's own Configure, which empties both lists (trust everyone) when its switch is on.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.KnownIPNetworks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }

            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (!string.Equals(app.Configuration[HostSwitchKey], "true", StringComparison.OrdinalIgnoreCase))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
