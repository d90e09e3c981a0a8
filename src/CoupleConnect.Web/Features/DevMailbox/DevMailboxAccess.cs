using System.Net;
using CoupleConnect.Web.Infrastructure;

namespace CoupleConnect.Web.Features.DevMailbox;

/// <summary>
/// The dev mailbox shows every email the app sent, reset and sign-in links included. It exists only in Development, and
/// even there it answers only to this machine, so a development server exposed by accident does not hand out accounts.
/// </summary>
public static class DevMailboxAccess
{
    public const string CascadeName = "ClientIsLocal";

    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>404 for a request to the mailbox from any other machine, before it reaches the page or the preview endpoint.</summary>
    public static IApplicationBuilder UseDevMailboxForThisMachineOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/dev/mailbox", StringComparison.OrdinalIgnoreCase) && !IsLocal(context))
        {
            context.SkipStatusPage(StatusCodes.Status404NotFound);
            return;
        }

        await next();
    });
}
