using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace CoupleConnect.Web.Features.Install;

/// <summary>
/// The version of the service worker and of what it precaches (docs/adr/0043): a short hash of the fingerprinted
/// addresses of those files, which the build derives from their content. Any change to any of them gives a new
/// version; the page registers /sw.js?v=&lt;version&gt;, so the browser installs the new worker.
/// </summary>
public static class ShellVersion
{
    /// <summary>sw.js and every file it precaches (keep in step with the shell list at the top of sw.js).</summary>
    public static readonly string[] Files = ["sw.js", "offline.html", "js/offline.js", "icons/icon-192.png", "icons/badge-96.png"];

    public static string Of(ResourceAssetCollection assets, InstallOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ShellVersion))
        {
            return options.ShellVersion.Trim();
        }

        var addresses = string.Join('\n', Files.Select(file => assets[file]));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(addresses)))[..12];
    }
}
