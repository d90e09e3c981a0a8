using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Tests.Couples;

public class CoupleNameParsing
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void RefusesAnEmptyName(string? empty)
    {
        Assert.False(CoupleName.TryParse(empty, out var name, out var problem));

        Assert.Null(name);
        Assert.Equal("Please give your couple a name, such as \"Alex & Sam\".", problem);
    }

    [Fact]
    public void AcceptsExactlyTheMaximumLength()
    {
        Assert.True(CoupleName.TryParse(new string('a', 60), out var name, out var problem));

        Assert.Null(problem);
        Assert.Equal(60, name!.Value.Length);
        Assert.Equal(60, CoupleName.MaxLength);
    }

    [Theory]
    [InlineData(61)]
    [InlineData(500)]
    public void RefusesLongerNamesAndSaysHowLong(int length)
    {
        Assert.False(CoupleName.TryParse(new string('a', length), out var name, out var problem));

        Assert.Null(name);
        Assert.Equal($"Please keep the couple name to 60 characters or fewer (this one has {length}).", problem);
    }

    [Fact]
    public void CountsLengthAfterTrimming()
    {
        Assert.True(CoupleName.TryParse("   " + new string('a', 60) + "  \t", out var name, out _));

        Assert.Equal(new string('a', 60), name!.Value);
    }

    [Theory]
    [InlineData("<b>Us</b>")]
    [InlineData("Alex <3 Sam")]
    [InlineData("Alex > Sam")]
    [InlineData("<script>alert(1)</script>")]
    public void RefusesMarkup(string markup)
    {
        Assert.False(CoupleName.TryParse(markup, out var name, out var problem));

        Assert.Null(name);
        Assert.Equal("A couple name can't contain < or >.", problem);
    }

    [Theory]
    [InlineData("Alex\n& Sam")]
    [InlineData("Alex\r\n& Sam")]
    [InlineData("Alex\r& Sam")]
    [InlineData("Alex\u2028& Sam")] // line separator
    [InlineData("Alex\u2029& Sam")] // paragraph separator
    [InlineData("Alex\t& Sam")]
    [InlineData("Alex\u0000")]
    public void RefusesLineBreaksAndControlCharacters(string broken)
    {
        Assert.False(CoupleName.TryParse(broken, out var name, out var problem));

        Assert.Null(name);
        Assert.Equal("A couple name can't contain line breaks, control or invisible characters.", problem);
    }

    [Theory]
    [InlineData("Alex & Sam")]
    [InlineData("Zoë & José María")]
    [InlineData("Łukasz i Ангелина")]
    [InlineData("美咲 & 健太")]
    [InlineData("محمد و نور")]
    [InlineData("Us 💛")]
    [InlineData("👩‍❤️‍👨 forever")]
    [InlineData("Re\u0301my & Kai 👋🏽")]
    public void AcceptsEmojiAndAccents(string value)
    {
        Assert.True(CoupleName.TryParse(value, out var name, out var problem), problem);

        Assert.Null(problem);
        Assert.Equal(value, name!.Value);
        Assert.Equal(value, name.ToString());
    }

    [Fact]
    public void TrimsSurroundingWhitespace()
    {
        Assert.True(CoupleName.TryParse("  Alex & Sam \t", out var name, out _));

        Assert.Equal("Alex & Sam", name!.Value);
    }

    [Fact]
    public void TheDefaultNamePutsTheFirstPersonFirst()
    {
        Assert.Equal("Alex & Sam", CoupleName.Default("Alex", "Sam").Value);
        Assert.Equal("Sam & Alex", CoupleName.Default("Sam", "Alex").Value);
    }

    [Theory]
    [InlineData("Alex\u200B& Sam")]
    [InlineData("Alex & \u202EmaS")]
    public void RefusesInvisibleCharactersThatCouldDisguiseTheName(string disguised)
    {
        Assert.False(CoupleName.TryParse(disguised, out var name, out var problem));

        Assert.Null(name);
        Assert.Equal("A couple name can't contain line breaks, control or invisible characters.", problem);
    }

    [Fact]
    public void TheDefaultNameNeverSplitsAnEmoji()
    {
        var name = CoupleName.Default(new string('a', 40), new string('b', 15) + string.Concat(Enumerable.Repeat("\U0001F49B", 12)));

        Assert.True(name.Value.Length <= CoupleName.MaxLength);
        Assert.EndsWith("…", name.Value, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(name.Value[^2]), "The name was cut between the two halves of an emoji.");
    }
}
