using System.Text.RegularExpressions;

namespace CoupleConnect.Web.Infrastructure.Email;

internal static partial class LinkFinder
{
    public static IReadOnlyList<string> FindLinks(string text) =>
        UrlPattern().Matches(text).Select(match => match.Value.TrimEnd('.', ',', ')')).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
