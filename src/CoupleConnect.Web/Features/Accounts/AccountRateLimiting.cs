using System.Net;
using System.Threading.RateLimiting;
using CoupleConnect.Web.Infrastructure.Security;

namespace CoupleConnect.Web.Features.Accounts;

public sealed class AccountRateLimitOptions
{
    public const string SectionName = "CoupleConnect:RateLimits";

    /// <summary>Form posts per client address per window to the sign-in, sign-up and password forms together.</summary>
    public int AccountPostsPerWindow { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Slows password guessing and sign-up spam. Only form posts count: reading the pages stays free.</summary>
internal static class AccountRateLimiting
{
    // Every form that checks a password or sends mail: the cost of hashing or mailing is bounded per client.
    private static readonly string[] LimitedPaths =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register", "/Account/ForgotPassword",
        "/Account/ResendEmailConfirmation", "/Account/Manage/ChangePassword", "/Account/Manage/DeletePersonalData",
    ];

    public static IServiceCollection AddAccountRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(AccountRateLimitOptions.SectionName).Get<AccountRateLimitOptions>() ?? new AccountRateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "account:" + ClientAddress.KeyOf(context),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limits.AccountPostsPerWindow,
                            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = limits.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(TooManyRequestsPage(limits.WindowSeconds), cancellationToken);
            };
        });
        return services;
    }

    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && LimitedPaths.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));

    private static string TooManyRequestsPage(int windowSeconds) => $$$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Let's take a breath · CoupleConnect</title>
        <style>
          body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#FBF7F3;color:#2D2424;display:grid;place-items:center;min-height:100vh;padding:16px;box-sizing:border-box}
          main{background:#fff;border-radius:20px;padding:28px 24px;max-width:420px;box-shadow:0 2px 12px rgba(45,36,36,.08)}
          h1{font-size:1.4rem;margin:0 0 12px} p{line-height:1.55;margin:0 0 16px}
          a{display:inline-block;background:#9C3D4A;color:#fff;text-decoration:none;padding:12px 20px;border-radius:999px;font-weight:600}
          @media (prefers-color-scheme: dark){body{background:#1E1A1A;color:#F3ECE8} main{background:#2A2424}}
        </style></head>
        <body><main>
          <h1>Let's take a breath</h1>
          <p>There have been a lot of attempts from this device in a short time, so we've paused them to keep accounts safe.</p>
          <p>Please wait about {{{WebUtility.HtmlEncode(Math.Max(1, windowSeconds / 60).ToString(System.Globalization.CultureInfo.InvariantCulture))}}} minute(s), then try again.</p>
          <a href="/">Back to CoupleConnect</a>
        </main></body></html>
        """;
}
