using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// A request whose connection comes from a given address before any of the app's middleware sees it (the in-process
/// test server has no network, so its clients otherwise have no address at all).
/// </summary>
public static class RequestsFromAnAddress
{
    public static Task<HttpContext> SendFromAsync(this TestServer server, string method, string path, string address, string? forwardedFor = null) =>
        server.SendAsync(context =>
        {
            context.Request.Method = method;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = path;
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
}
