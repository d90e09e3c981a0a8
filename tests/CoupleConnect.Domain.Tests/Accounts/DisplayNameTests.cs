using CoupleConnect.Domain.Accounts;

namespace CoupleConnect.Domain.Tests.Accounts;

public class DisplayNameChecks
{
    [Fact]
    public void TrimsSurroundingWhitespace()
    {
        var check = DisplayName.Check("  Alex \t");

        Assert.True(check.IsValid);
        Assert.Null(check.Error);
        Assert.Equal("Alex", check.Name!.Value);
        Assert.Equal("Alex", check.Name.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("\t\r\n")]
    public void RefusesAnEmptyName(string? empty)
    {
        var check = DisplayName.Check(empty);

        Assert.False(check.IsValid);
        Assert.Null(check.Name);
        Assert.Equal("Please tell us what your partner calls you.", check.Error);
    }

    [Fact]
    public void AcceptsExactlyTheMaximumLength()
    {
        var forty = new string('a', DisplayName.MaxLength);

        var check = DisplayName.Check(forty);

        Assert.True(check.IsValid);
        Assert.Equal(40, check.Name!.Value.Length);
    }

    [Fact]
    public void RefusesOneCharacterTooManyAndSaysHowMany()
    {
        var fortyOne = new string('a', DisplayName.MaxLength + 1);

        var check = DisplayName.Check(fortyOne);

        Assert.False(check.IsValid);
        Assert.Contains("40 characters or fewer", check.Error, StringComparison.Ordinal);
        Assert.Contains("this one has 41", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsLengthAfterTrimming()
    {
        var check = DisplayName.Check("   " + new string('a', DisplayName.MaxLength) + "   ");

        Assert.True(check.IsValid);
        Assert.Equal(DisplayName.MaxLength, check.Name!.Value.Length);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Alex<b>")]
    [InlineData("Sam>")]
    public void RefusesAngleBrackets(string markup)
    {
        var check = DisplayName.Check(markup);

        Assert.False(check.IsValid);
        Assert.Equal("A name can't contain < or >.", check.Error);
    }

    [Theory]
    [InlineData("Al\u200Bex")]    // zero-width space
    [InlineData("\u200BAlex")]    // zero-width space is not whitespace, so trimming keeps it
    [InlineData("Alex\u202Egnp")] // right-to-left override, a spoofing trick
    [InlineData("\uFEFFAlex")]    // byte order mark
    [InlineData("Al\u00ADex")]    // soft hyphen
    [InlineData("Alex\u0007")]    // bell
    [InlineData("Al\nex")]        // newline inside the name
    [InlineData("Al\tex")]        // tab inside the name
    [InlineData("Alex\u0000")]    // NUL
    [InlineData("Al\u2028ex")]    // line separator
    public void RefusesInvisibleAndControlCharacters(string sneaky)
    {
        var check = DisplayName.Check(sneaky);

        Assert.False(check.IsValid);
        Assert.Equal("A name can't contain control or invisible characters.", check.Error);
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("José María")]
    [InlineData("Łukasz")]
    [InlineData("Ангелина")]
    [InlineData("محمد")]             // Arabic, right to left
    [InlineData("نور الهدى")]        // Arabic with a space
    [InlineData("שרה")]              // Hebrew
    [InlineData("美咲")]
    [InlineData("Sam 💛")]           // emoji outside the BMP (a surrogate pair)
    [InlineData("Kai 👋🏽")]          // emoji with a skin-tone modifier
    [InlineData("Alex ❤️")]          // emoji with variation selector 16
    [InlineData("Sam 👩‍❤️‍👨")]         // an emoji sequence held together by zero-width joiners
    [InlineData("🏳️‍🌈 Robin")]         // flag sequence with a zero-width joiner
    [InlineData("علی‌رضا")]     // Persian spelling uses the zero-width non-joiner
    [InlineData("Mary-Jane O'Neil")]
    [InlineData("Re\u0301my")]       // e + combining acute accent
    public void AcceptsNamesFromEverywhere(string name)
    {
        var check = DisplayName.Check(name);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(name, check.Name!.Value);
    }

    [Fact]
    public void ParseReturnsTheTrimmedName()
    {
        Assert.Equal("Sam", DisplayName.Parse(" Sam ").Value);
    }

    [Fact]
    public void ParseThrowsWithTheCheckMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => DisplayName.Parse("<script>"));
        Assert.Contains("A name can't contain < or >.", error.Message, StringComparison.Ordinal);
    }
}
