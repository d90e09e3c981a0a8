using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>Full-page screenshots under &lt;repo&gt;/TestResults/screenshots/, for people to look at after a run.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    /// <summary>
    /// A full-page shot paints the phone's fixed bottom navigation where the first screen ends, over whatever content is
    /// there. Pinned to the bottom of the document instead (at least a screen high), it sits where a person sees it
    /// once they have scrolled to the end, below the space the layout keeps free for it (the quick exit, above it, too). Likewise the fixed app bar
    /// (painted wherever the page happened to be scrolled, e.g. over the card just tapped) goes back to the top.
    /// </summary>
    private const string BottomNavAtTheEnd =
        "html { position: relative !important; min-height: 100% !important; } .mud-layout { position: static !important; } "
        + ".cc-bottom-nav, .acc-bottom-nav { position: absolute !important; bottom: 0 !important; } "
        + ".mud-appbar { position: absolute !important; top: 0 !important; } "
        + ".cc-quick-exit { position: absolute !important; }";

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Style = BottomNavAtTheEnd });
        return path;
    }

    /// <summary>
    /// What the phone's screen shows right now (the fixed app bar and bottom navigation where they are), with
    /// <paramref name="element"/> scrolled to just below the app bar: e.g. a card deep down a long page, as a person
    /// who scrolled to it sees it.
    /// </summary>
    public static async Task<string> SaveScreenAtAsync(IPage page, ILocator element, string name)
    {
        await element.EvaluateAsync("element => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72)");
        await page.WaitForFunctionAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))");
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>
    /// Walks up from the test binaries to the folder holding CoupleConnect.sln. Built with a private
    /// <c>--artifacts-path</c> outside the repository, the binaries have no such parent: then walk up from where this
    /// source file was compiled; failing both, next to the binaries.
    /// </summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? string.Empty })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CoupleConnect.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return AppContext.BaseDirectory; // no repository in sight (e.g. path-mapped CI build): keep them next to the binaries
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
