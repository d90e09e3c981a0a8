using CoupleConnect.Web.Infrastructure.Email;

namespace CoupleConnect.Web.Features.DevMailbox;

public static class DevMailboxEndpoints
{
    /// <summary>Development only: the raw HTML of one captured message, for the mailbox page's preview frame.</summary>
    public static WebApplication MapDevMailbox(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseDevMailboxForThisMachineOnly();
        app.MapGet("/dev/mailbox/{id}/html", (string id, Infrastructure.Email.DevMailbox mailbox, HttpContext context) =>
        {
            var message = mailbox.Find(id);
            if (message is null)
            {
                return Results.NotFound();
            }

            // The preview runs no script and may only be framed by us.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
            return Results.Content(message.HtmlBody, "text/html; charset=utf-8");
        });
        return app;
    }
}
