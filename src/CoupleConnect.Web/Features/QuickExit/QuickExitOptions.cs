namespace CoupleConnect.Web.Features.QuickExit;

/// <summary>
/// Where "Quick exit" takes a person (docs/adr/0037): an ordinary site that gives nothing away on the screen. The
/// operator may pick one that suits their country; the default is a weather forecast.
/// </summary>
public sealed class QuickExitOptions
{
    public const string SectionName = "CoupleConnect:QuickExit";

    public static readonly Uri DefaultUrl = new("https://www.bbc.com/weather");

    /// <summary>An absolute http or https address, opened in place of the app.</summary>
    public Uri Url { get; set; } = DefaultUrl;

    public static bool IsUsable(QuickExitOptions options) =>
        options.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
