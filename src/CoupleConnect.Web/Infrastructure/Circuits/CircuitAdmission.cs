using System.Threading.RateLimiting;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Infrastructure.Circuits;

/// <summary>
/// Admission control for Blazor circuits: at the cap, a page that would open a new circuit gets a friendly "busy, try
/// again" page (503) instead, while every circuit already open keeps working; static pages (the account pages and
/// everything a signed-out visitor sees) still open. One
/// client starting circuit connections in a flood is slowed with 429. The instance never runs out of memory for
/// circuits, and it refuses well before it would.
/// </summary>
public static class CircuitAdmission
{
    private const string HubPath = "/_blazor";

    public static WebApplicationBuilder AddCircuitAdmission(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CircuitAdmissionOptions>().BindConfiguration(CircuitAdmissionOptions.SectionName);
        builder.Services.AddSingleton<OpenCircuits>();
        builder.Services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        builder.Services.AddSingleton(services => new ClientConnectionLimiter(
            PerMinuteLimiter.Create(services.GetRequiredService<IOptions<CircuitAdmissionOptions>>().Value.ConnectionsPerClientPerMinute)));
        return builder;
    }

    /// <summary>After routing (so the page's endpoint is known), before the endpoints run.</summary>
    public static IApplicationBuilder UseCircuitAdmission(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<CircuitAdmissionOptions>>().Value;
        var atCap = context.RequestServices.GetRequiredService<OpenCircuits>().Count >= options.MaxOpen;

        if (context.Request.Path.StartsWithSegments(HubPath + "/negotiate", StringComparison.OrdinalIgnoreCase))
        {
            if (!context.RequestServices.GetRequiredService<ClientConnectionLimiter>().Limiter.TryAcquire(ClientAddress.KeyOf(context)))
            {
                await RefuseAsync(context, StatusCodes.Status429TooManyRequests);
                return;
            }

            if (atCap)
            {
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable);
                return;
            }
        }
        else if (atCap && HttpMethods.IsGet(context.Request.Method) && PageRendering.OpensACircuit(context))
        {
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        await next();
    });

    private static async Task RefuseAsync(HttpContext context, int status)
    {
        context.SkipStatusPage(status); // a re-executed status page would itself open a circuit
        context.Response.Headers.RetryAfter = status == StatusCodes.Status429TooManyRequests ? "60" : "30";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(BusyPage, context.RequestAborted);
    }

    private const string BusyPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>A little busy · CoupleConnect</title>
        <style>
          body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#FBF7F3;color:#2D2424;display:grid;place-items:center;min-height:100vh;padding:16px;box-sizing:border-box}
          main{background:#fff;border-radius:20px;padding:28px 24px;max-width:420px;box-shadow:0 2px 12px rgba(45,36,36,.08)}
          h1{font-size:1.4rem;margin:0 0 12px} p{line-height:1.55;margin:0 0 16px}
          a{display:inline-block;background:#9C3D4A;color:#fff;text-decoration:none;padding:12px 20px;border-radius:999px;font-weight:600}
        </style></head>
        <body><main>
          <h1>We're a little busy right now</h1>
          <p>A lot of couples are here at the same moment. Nothing you wrote is lost. Please try again in half a minute.</p>
          <a href="">Try again</a>
        </main></body></html>
        """;

}

/// <summary>Per-client limiter for circuit connections (a class so DI holds exactly one).</summary>
public sealed class ClientConnectionLimiter(PartitionedRateLimiter<string> limiter) : IDisposable
{
    public PartitionedRateLimiter<string> Limiter => limiter;

    public void Dispose() => limiter.Dispose();
}
