using System.Text.RegularExpressions;

namespace CoupleConnect.Web.Tests.Architecture;

/// <summary>
/// Issue 15, item 11: times are written one way everywhere, and each concept has one name. Read from the source, since
/// a format string or a page's words are text: no file under src but ClockText writes a time of day with its own
/// format ("HH:mm", "h:mm tt", "t", ToShortTimeString), and no page, email or suggestion says a retired second name
/// for the evening habit ("Evening gratitude", "Nightly gratitude", "Tonight's gratitude"): it is Gratitude.
/// </summary>
public sealed partial class OneClockOneName
{
    /// <summary>The one place a time of day is formatted or read (its display clock and the time inputs' "07:30").</summary>
    private const string TheFormatter = "src/CoupleConnect.Domain/Common/ClockText.cs";

    [Fact]
    public void NoFileButClockTextFormatsATimeOfDay()
    {
        var offenders = SourceFiles()
            .Where(file => file.Path != TheFormatter)
            .SelectMany(file => CodeLines(file).Where(line => TimeFormat().IsMatch(line.Text)).Select(line => $"{file.Path}:{line.Number}: {line.Text.Trim()}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Times of day formatted outside ClockText (use ClockText.Of for what people read, ClockText.ForInput for a form's value): "
            + string.Join("; ", offenders));
    }

    [Fact]
    public void NoPageCallsGratitudeByARetiredName()
    {
        var offenders = SourceFiles()
            .SelectMany(file => ProductText(file).Where(text => RetiredName().IsMatch(text.Text)).Select(text => $"{file.Path}:{text.Number}: {text.Text.Trim()}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Retired names for the evening habit in product text (say ConceptNames.Gratitude): " + string.Join("; ", offenders));
    }

    [Theory]
    [InlineData("""var at = time.ToString("HH:mm", CultureInfo.InvariantCulture);""")]
    [InlineData("""<span>@ritual.Start.ToString("h:mm tt")</span>""")]
    [InlineData("""$"at {start:HH:mm}" """)]
    [InlineData("""$"at {start:t}" """)]
    [InlineData("""start.ToString("t", culture)""")]
    [InlineData("""start.ToShortTimeString()""")]
    public void TheScanFindsATimeFormattedByHand(string line) => Assert.Matches(TimeFormat(), line);

    [Theory]
    [InlineData("""offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)""")] // a UTC offset, not a time of day
    [InlineData("""date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)""")]
    [InlineData("""ClockText.Of(reminder.At)""")]
    public void TheScanLeavesOtherFormatsAlone(string line) => Assert.DoesNotMatch(TimeFormat(), line);

    [Theory]
    [InlineData("SomePage.razor", "<MudText>Evening gratitude</MudText>")]
    [InlineData("Emails.cs", """Subject = "Time for your nightly gratitude",""")]
    [InlineData("Card.razor", "@* Tonight's gratitude card *@\n<h2>Tonight's gratitude</h2>")]
    public void TheScanFindsARetiredNameInProductText(string path, string source) =>
        Assert.Contains(ProductText(new SourceFile(path, source)), text => RetiredName().IsMatch(text.Text));

    [Theory]
    [InlineData("Service.cs", """/// <summary>Has the partner written tonight's gratitude?</summary>""")]
    [InlineData("Service.cs", "// evening gratitude is a positive of kind Gratitude")]
    [InlineData("Card.razor", "@* The evening gratitude card, on the home page. *@\n<h2>@ConceptNames.Gratitude</h2>")]
    public void TheScanLeavesCommentsAlone(string path, string source) =>
        Assert.DoesNotContain(ProductText(new SourceFile(path, source)), text => RetiredName().IsMatch(text.Text));

    [Fact]
    public void TheScanReadsThePagesAndTheFormatter()
    {
        var files = SourceFiles().Select(file => file.Path).ToList();

        Assert.Contains(TheFormatter, files);
        Assert.Contains("src/CoupleConnect.Web/Features/Reminders/RemindersPage.razor", files);
        Assert.DoesNotContain(files, path => path.Contains("/obj/", StringComparison.Ordinal) || path.Contains("/Migrations/", StringComparison.Ordinal));
    }

    /// <summary>A custom time format ("HH:mm", "h:mm tt", in a string or an interpolation hole), the "t"/"T" standard formats, or the short/long time helpers.</summary>
    [GeneratedRegex("""(?<![\\])\b[Hh]{1,2}:mm|\{[^{}"]*:[tT]\}|ToString\("[tT]"|To(Short|Long)TimeString""")]
    private static partial Regex TimeFormat();

    [GeneratedRegex(@"\b(evening|nightly|tonight['’]s)\s+gratitude\b", RegexOptions.IgnoreCase)]
    private static partial Regex RetiredName();

    private sealed record SourceFile(string Path, string Text);

    private sealed record Line(int Number, string Text);

    /// <summary>The app's own source: every .cs and .razor file under src, not build output and not migrations (history, not pages).</summary>
    private static IEnumerable<SourceFile> SourceFiles()
    {
        var root = RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/Migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllText(Path.Combine(root, path))));
    }

    /// <summary>Lines that are code, not comments (a comment may well describe a format or name the old word).</summary>
    private static IEnumerable<Line> CodeLines(SourceFile file) =>
        WithoutComments(file).Split('\n').Select((text, index) => new Line(index + 1, text)).Where(line => line.Text.Trim().Length > 0);

    /// <summary>What a person could read: a page's markup and every string literal, comments left out.</summary>
    private static IEnumerable<Line> ProductText(SourceFile file) =>
        file.Path.EndsWith(".razor", StringComparison.Ordinal)
            ? CodeLines(file)
            : CodeLines(file).SelectMany(line => StringLiteral().Matches(line.Text).Select(literal => line with { Text = literal.Value }));

    /// <summary>The file with its comments blanked, line numbers kept: @* *@, /* */, and lines that start with //.</summary>
    private static string WithoutComments(SourceFile file)
    {
        var text = BlockComment().Replace(file.Text.Replace("\r\n", "\n", StringComparison.Ordinal), comment => new string('\n', comment.Value.Count(character => character == '\n')));
        return string.Join('\n', text.Split('\n').Select(line => line.TrimStart().StartsWith("//", StringComparison.Ordinal) ? string.Empty : line));
    }

    [GeneratedRegex(@"@\*.*?\*@|/\*.*?\*/|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex("\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoupleConnect.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CoupleConnect.sln was not found above " + AppContext.BaseDirectory);
    }
}
