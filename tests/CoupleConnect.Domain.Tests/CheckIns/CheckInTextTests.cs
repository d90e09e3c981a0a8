using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class CheckInTextParsing
{
    private const string DirectionControlProblem =
        "Your answer contains invisible direction-control characters (often pasted from elsewhere). Please remove them and try again.";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\uFEFF")] // zero-width no-break space (byte order mark)
    [InlineData("\u200C")] // zero-width non-joiner
    [InlineData("\u200B\u200D\uFEFF")]
    [InlineData(" \u200B \n \uFEFF\t")]
    public void RefusesAnEmptyAnswerIncludingOneOfOnlyInvisibleCharacters(string? empty)
    {
        Assert.False(CheckInText.TryParse(empty, CheckInText.AnswerMaxLength, "answer", out var text, out var problem));

        Assert.Null(text);
        Assert.Equal("Please write your answer first.", problem);
    }

    [Fact]
    public void NamesWhatIsMissing()
    {
        Assert.False(CheckInText.TryParse("\u200B", CheckInText.ReflectionMaxLength, "reflection", out _, out var problem));

        Assert.Equal("Please write your reflection first.", problem);
    }

    [Fact]
    public void AcceptsExactlyTwoThousandCharacters()
    {
        Assert.Equal(2000, CheckInText.AnswerMaxLength);

        Assert.True(CheckInText.TryParse(new string('a', 2000), CheckInText.AnswerMaxLength, "answer", out var text, out var problem), problem);

        Assert.Null(problem);
        Assert.Equal(2000, text!.Value.Length);
    }

    [Theory]
    [InlineData(2001, "2,001")]
    [InlineData(10000, "10,000")]
    public void RefusesMoreThanTwoThousandAndSaysHowMany(int length, string count)
    {
        var (accepted, text, problem) = InCulture("en-US", () =>
        {
            var ok = CheckInText.TryParse(new string('a', length), CheckInText.AnswerMaxLength, "answer", out var parsed, out var why);
            return (ok, parsed, why);
        });

        Assert.False(accepted);
        Assert.Null(text);
        Assert.Equal($"Please keep your answer to 2,000 characters (this one has {count}). Nothing was saved; shorten it and try again.", problem);
    }

    [Fact]
    public void CountsTheLengthAfterTrimmingTheEnds()
    {
        Assert.True(CheckInText.TryParse("\n  " + new string('a', 2000) + "  \n", CheckInText.AnswerMaxLength, "answer", out var text, out var problem), problem);

        Assert.Equal(new string('a', 2000), text!.Value);
    }

    [Fact]
    public void HoldsReflectionsToTheirOwnLimit()
    {
        Assert.Equal(1000, CheckInText.ReflectionMaxLength);
        Assert.True(CheckInText.TryParse(new string('r', 1000), CheckInText.ReflectionMaxLength, "reflection", out _, out _));

        var (accepted, problem) = InCulture("en-US", () =>
            (CheckInText.TryParse(new string('r', 1001), CheckInText.ReflectionMaxLength, "reflection", out _, out var why), why));

        Assert.False(accepted);
        Assert.Equal("Please keep your reflection to 1,000 characters (this one has 1,001). Nothing was saved; shorten it and try again.", problem);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b>bold</b> & <i>italic</i>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("&lt;already escaped&gt; &amp; \"quoted\" 'single'")]
    [InlineData("Robert'); DROP TABLE answers;--")]
    [InlineData("{{7*7}} ${7*7} @DateTime.Now")]
    public void KeepsMarkupVerbatimForTheUiToShowAsText(string markup)
    {
        Assert.True(CheckInText.TryParse(markup, CheckInText.AnswerMaxLength, "answer", out var text, out var problem), problem);

        Assert.Null(problem);
        Assert.Equal(markup, text!.Value);
    }

    [Theory]
    [InlineData("شعرت بالاهتمام عندما أعددت لي الشاي")] // Arabic
    [InlineData("הרגשתי שאכפת לך כשהכנת לי תה")] // Hebrew
    [InlineData("I loved it when you said אני אוהב אותך at dinner")] // mixed directions
    [InlineData("وقتی برایم چای درست کردی می‌خواستم بگویم ممنون")] // Persian with a zero-width non-joiner
    [InlineData("\u200Fשלום\u200E and hello")] // right-to-left and left-to-right marks are ordinary in RTL writing
    [InlineData("Us 👩‍❤️‍👨 and the dog 🐕")]
    [InlineData("Zoë made crème brûlée 美味しい")]
    public void AcceptsRightToLeftAndOtherScriptsAsWritten(string written)
    {
        Assert.True(CheckInText.TryParse(written, CheckInText.AnswerMaxLength, "answer", out var text, out var problem), problem);

        Assert.Equal(written, text!.Value);
    }

    [Theory]
    [InlineData("I'm fine \u202Eenif ton m'I")] // right-to-left override
    [InlineData("\u202Eevil")]
    [InlineData("left \u202Dright\u202C")] // left-to-right override and pop
    [InlineData("a\u202Ab")] // left-to-right embedding
    [InlineData("a\u202Bb")] // right-to-left embedding
    [InlineData("a\u2066b\u2069")] // left-to-right isolate and pop
    [InlineData("a\u2067b")] // right-to-left isolate
    [InlineData("a\u2068b")] // first strong isolate
    [InlineData("a\u2069b")] // pop directional isolate
    [InlineData("שלום \u2067world\u2069")] // isolates inside otherwise welcome RTL text
    public void RefusesDirectionControlCharacters(string disguised)
    {
        Assert.False(CheckInText.TryParse(disguised, CheckInText.AnswerMaxLength, "answer", out var text, out var problem));

        Assert.Null(text);
        Assert.Equal(DirectionControlProblem, problem);
    }

    [Fact]
    public void TrimsOnlyTheEndsAndKeepsInnerLineBreaksAndSpacing()
    {
        Assert.True(CheckInText.TryParse("  \n First line.\n\nSecond  line,\r\n\tindented. \n ", CheckInText.AnswerMaxLength, "answer", out var text, out _));

        Assert.Equal("First line.\n\nSecond  line,\r\n\tindented.", text!.Value);
        Assert.Equal(text.Value, text.ToString());
    }

    [Theory]
    [InlineData("a\0b")] // NUL: PostgreSQL text can't hold it
    [InlineData("hello\u0007")] // bell
    [InlineData("esc\u001B[31mred")] // a terminal escape
    [InlineData("a\u0085b")] // next line (C1)
    public void RefusesControlCharactersOtherThanTabsAndLineBreaks(string controlled)
    {
        Assert.False(CheckInText.TryParse(controlled, CheckInText.AnswerMaxLength, "answer", out var text, out var problem));

        Assert.Null(text);
        Assert.Equal("Your answer contains invisible control characters (often pasted from elsewhere). Please remove them and try again.", problem);
    }
}
