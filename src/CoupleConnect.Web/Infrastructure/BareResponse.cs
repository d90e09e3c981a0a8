using Microsoft.AspNetCore.Diagnostics;

namespace CoupleConnect.Web.Infrastructure;

public static class BareResponse
{
    /// <summary>
    /// Answers with this status and no re-executed status page: re-executing would replay the request (a POST, or a page
    /// that opens a circuit) against the status page.
    /// </summary>
    public static void SkipStatusPage(this HttpContext context, int status)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        context.Response.StatusCode = status;
    }
}
