using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace CoupleConnect.Web.Infrastructure.Performance;

/// <summary>
/// Compresses the static files the build left uncompressed. The build precompresses our own files and most of the
/// framework's, but a package's fingerprinted files (MudBlazor.min.css, 613 KiB, on every page) come without their
/// .br/.gz variants, so the landing page sent them raw. Pages are not compressed: they carry antiforgery tokens and
/// text people typed, and compressing secrets next to input an attacker controls leaks them over HTTPS (BREACH).
/// Responses already compressed by MapStaticAssets pass through unchanged (docs/adr/0030).
/// </summary>
public static class StaticFileCompression
{
    /// <summary>The types of our static files; text/html is deliberately not among them.</summary>
    public static readonly string[] CompressedTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static WebApplicationBuilder AddStaticFileCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // safe for these types alone: static files hold no secrets
            options.MimeTypes = CompressedTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Optimal, not Fastest: MudBlazor's style sheet is 100 KiB at Brotli's fastest and about half at its optimal level,
        // for a few milliseconds once per browser (the fingerprinted file is then cached for a year).
        builder.Services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Optimal);
        return builder;
    }

    public static IApplicationBuilder UseStaticFileCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}
