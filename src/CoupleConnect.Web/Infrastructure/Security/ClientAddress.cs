using System.Net;
using System.Net.Sockets;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Who "one client" is for every per-client limit: the connection's address after trusted proxies (TrustedProxies), an
/// IPv4-mapped address as its IPv4 form, and an IPv6 client as its /64, since one household or phone can rotate
/// through a whole prefix.
/// </summary>
public static class ClientAddress
{
    public static string KeyOf(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
