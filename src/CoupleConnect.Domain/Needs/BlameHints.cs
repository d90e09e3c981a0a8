using System.Text.RegularExpressions;

namespace CoupleConnect.Domain.Needs;

/// <summary>A gentle note on wording that reads as blame: the words that caught it, why, and a kinder way to say it.</summary>
public sealed record BlameHint(string Phrase, string Hint, string Suggestion);

/// <summary>
/// Spots wording that reads as blame ("you never…", "why don't you…") and suggests a positive rewording in the shape
/// "I feel … when we/you …". Advice only: nothing is refused because of it. Pure and reusable (needs today; a talk's
/// "one thing I'll try" may use it too). Matching ignores case and accepts straight and curly apostrophes.
/// </summary>
public static partial class BlameHints
{
    private const string NeverHint = "\"Never\" can sound like a charge. Saying what you'd love more of is easier to hear.";
    private const string AlwaysHint = "\"Always\" can sound like a verdict. Try the moment that helps you feel close instead.";
    private const string WhyHint = "A \"why don't you\" question can land as criticism. A wish is easier to say yes to.";
    private const string ShouldHint = "\"You should\" can feel like an order. Sharing what helps you feel close invites them in.";
    private const string FaultHint = "Talk of fault puts one of you on trial. Try describing what helps you both.";
    private const string LabelHint = "Describing your partner can feel like a label. Describing the moment you'd love is kinder.";
    private const string OpenShape = "I feel … when we …";

    // Each rule: the pattern (its "rest" group is what the partner would do, when the wording names it), the hint, and
    // whether the rest can stand in "I feel more connected when you {rest}".
    private static readonly (Regex Pattern, string Hint, bool KeepsTheRest)[] Rules =
    [
        (WhyDontYou(), WhyHint, true),
        (YouNever(), NeverHint, true),
        (YouDontEver(), NeverHint, true),
        (YouShould(), ShouldHint, true),
        (YouAlways(), AlwaysHint, false),
        (YourFault(), FaultHint, false),
        (YouMakeMe(), AlwaysHint, false),
        (YouAreSo(), LabelHint, false),
    ];

    /// <summary>The first blame wording in <paramref name="text"/>, or null when it reads kindly (or is blank).</summary>
    public static BlameHint? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
        foreach (var (pattern, hint, keepsTheRest) in Rules)
        {
            var match = pattern.Match(normalized);
            if (!match.Success)
            {
                continue;
            }

            var rest = keepsTheRest ? WhatTheyWouldDo(match.Groups["rest"].Value) : null;
            var suggestion = rest is null ? $"{OpenShape} (for example: \"I feel close when we plan a weekend together.\")" : $"I feel more connected when you {rest}.";
            return new BlameHint(match.Groups["phrase"].Value.Trim(), hint, suggestion);
        }

        return null;
    }

    /// <summary>"ask about my day anymore?!" → "ask about my day": the first clause, without "ever", "anymore" and end marks.</summary>
    private static string? WhatTheyWouldDo(string rest)
    {
        var clause = ClauseEnd().Split(rest, 2)[0];
        clause = Fillers().Replace(clause, " ");
        clause = string.Join(' ', clause.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();
        return clause.Length == 0 ? null : clause;
    }

    [GeneratedRegex(@"\b(?<phrase>why\s+(?:don't|do\s+not|dont|won't|will\s+not|wont|can't|cannot|can\s+not|cant|didn't|did\s+not|didnt)\s+you)\b(?:\s+ever\b)?(?<rest>.*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex WhyDontYou();

    [GeneratedRegex(@"(?<!\b(?:when|if)\s+)\b(?<phrase>you(?:'ve|\s+have)?\s+never)\b(?<rest>.*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex YouNever();

    [GeneratedRegex(@"\b(?<phrase>you\s+(?:don't|do\s+not|dont|won't|will\s+not|wont|can't|cannot|cant|didn't|did\s+not|didnt)\s+(?:ever|even))\b(?<rest>.*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex YouDontEver();

    [GeneratedRegex(@"\b(?<phrase>you\s+(?:should|shouldn't|ought\s+to|need\s+to|have\s+to|must|had\s+better|better))\b(?<rest>.*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex YouShould();

    [GeneratedRegex(@"(?<!\b(?:when|if)\s+)\b(?<phrase>you(?:'re|\s+are)?\s+(?:always|constantly|forever))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YouAlways();

    [GeneratedRegex(@"\b(?<phrase>(?:it's|it\s+is|its|all)\s+your\s+fault|your\s+fault|you're\s+to\s+blame|you\s+are\s+to\s+blame)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YourFault();

    [GeneratedRegex(@"\b(?<phrase>you\s+make\s+me\s+(?:feel\s+)?(?:sad|angry|mad|lonely|alone|miserable|small|stupid|crazy|upset|invisible|worthless))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YouMakeMe();

    [GeneratedRegex(@"\b(?<phrase>you(?:'re|\s+are)\s+(?:(?:so|too|such\s+an?|really|just)\s+)?(?:selfish|lazy|cold|useless|impossible|hopeless|distant|careless|rude|mean|inconsiderate|thoughtless|self-centred|self-centered|childish|difficult|annoying))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YouAreSo();

    [GeneratedRegex(@"[.!?;\n]|,\s*(?:and|but|so)\b")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"\b(?:any\s*more|ever|even|at\s+all|with\s+me\s+any\s*more)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fillers();
}
