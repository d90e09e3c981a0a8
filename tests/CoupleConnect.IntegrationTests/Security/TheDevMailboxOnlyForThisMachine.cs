using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 17: a development server exposed by accident must not show its mailbox (every reset and confirmation
/// link) to another machine. Only a request from loopback reaches it.
/// </summary>
public sealed class TheDevMailboxOnlyForThisMachine(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/dev/mailbox")]
    [InlineData("/dev/mailbox/20261202-051636-468-ed15f3a6935440ebb65bcb4129933cd2")]
    [InlineData("/dev/mailbox/20261202-051636-468-ed15f3a6935440ebb65bcb4129933cd2/html")]
    public async Task AnotherMachineGetsNotFound(string path)
    {
        var context = await GetFromAsync(path, IPAddress.Parse("203.0.113.9"));

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task ThisMachineSeesTheMailbox(string address)
    {
        var context = await GetFromAsync("/dev/mailbox", IPAddress.Parse(address));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Contains("Dev mailbox</h1>", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    private Task<HttpContext> GetFromAsync(string path, IPAddress from) =>
        app.Factory.Server.SendFromAsync(HttpMethods.Get, path, from.ToString());
}
