using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CoupleConnect.Web.Infrastructure.Time;

/// <summary>
/// The person's locale, from their browser's language, for the one thing the app varies by it: the clock (24-hour or
/// 12-hour, <see cref="Domain.Common.ClockText"/>). Only English cultures are offered, since every word on the page is
/// English and dates are written one fixed way; anyone else gets en-GB's 24-hour clock, as do jobs and emails.
/// A circuit keeps the culture of the request that opened it.
/// </summary>
public static class PersonLocale
{
    public const string Default = "en-GB";

    /// <summary>English as it is written around the world; 12-hour clocks among them (en-US, en-CA, en-AU, en-IN, ...).</summary>
    public static IReadOnlyList<string> Cultures { get; } =
        [Default, "en-US", "en-CA", "en-AU", "en-NZ", "en-IE", "en-IN", "en-ZA", "en-PH", "en-SG"];

    public static WebApplication UsePersonLocale(this WebApplication app)
    {
        var cultures = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = false,
        };

        // The browser's language only: no query string or cookie to set, so nothing a link could change.
        options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        app.UseRequestLocalization(options);
        return app;
    }
}
