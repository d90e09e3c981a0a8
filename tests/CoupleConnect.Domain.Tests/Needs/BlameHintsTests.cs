using CoupleConnect.Domain.Needs;

namespace CoupleConnect.Domain.Tests.Needs;

public class BlameHintsTests
{
    [Theory]
    [InlineData("You never talk to me anymore", "You never", "I feel more connected when you talk to me.")]
    [InlineData("you never ask about my day.", "you never", "I feel more connected when you ask about my day.")]
    [InlineData("YOU NEVER PLAN DATES!!", "YOU NEVER", "I feel more connected when you PLAN DATES.")]
    [InlineData("You've never once cooked for me", "You've never", "I feel more connected when you once cooked for me.")]
    [InlineData("You’ve never asked", "You've never", "I feel more connected when you asked.")]
    [InlineData("Why don't you ever help with the dishes?", "Why don't you", "I feel more connected when you help with the dishes.")]
    [InlineData("why don’t you call me at lunch", "why don't you", "I feel more connected when you call me at lunch.")]
    [InlineData("Why do not you listen", "Why do not you", "I feel more connected when you listen.")]
    [InlineData("Why can't you just hug me, and stop scrolling", "Why can't you", "I feel more connected when you just hug me.")]
    [InlineData("Why wont you come to bed on time", "Why wont you", "I feel more connected when you come to bed on time.")]
    [InlineData("You don't even look at me", "You don't even", "I feel more connected when you look at me.")]
    [InlineData("you dont ever say thank you", "you dont ever", "I feel more connected when you say thank you.")]
    [InlineData("You should listen more", "You should", "I feel more connected when you listen more.")]
    [InlineData("You need to put the phone away at dinner", "You need to", "I feel more connected when you put the phone away at dinner.")]
    [InlineData("Honestly you have to be home earlier", "you have to", "I feel more connected when you be home earlier.")]
    public void BlameThatNamesWhatWouldHelpGetsAHintAndThatThingAsARewording(string text, string phrase, string suggestion)
    {
        var hint = BlameHints.Find(text);

        Assert.NotNull(hint);
        Assert.Equal((phrase, suggestion), (hint.Phrase, hint.Suggestion));
        Assert.False(string.IsNullOrWhiteSpace(hint.Hint));
    }

    [Theory]
    [InlineData("You always leave me out of plans", "You always")]
    [InlineData("you're always on your phone", "you're always")]
    [InlineData("You are constantly late", "You are constantly")]
    [InlineData("It's your fault we don't go out", "It's your fault")]
    [InlineData("its your fault", "its your fault")]
    [InlineData("You make me feel lonely", "You make me feel lonely")]
    [InlineData("you're so selfish with the weekends", "you're so selfish")]
    [InlineData("You are lazy about the house", "You are lazy")]
    public void BlameWithoutAWishInItGetsAHintAndTheSentenceShape(string text, string phrase)
    {
        var hint = BlameHints.Find(text);

        Assert.NotNull(hint);
        Assert.Equal(phrase, hint.Phrase);
        Assert.Contains("I feel … when we …", hint.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I always feel better when we walk")]
    [InlineData("I feel more connected when we share our highs and lows at dinner")]
    [InlineData("I never feel alone when we cook together")]
    [InlineData("I feel safe when you never raise your voice")]
    [InlineData("I feel close when you always kiss me goodbye")]
    [InlineData("Why don't we walk on Sundays?")]
    [InlineData("I love your never-ending patience")]
    [InlineData("I feel cared for when you ask about my day")]
    [InlineData("Young love: dancing in the kitchen")]
    [InlineData("I feel heard when you're so patient with me")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void KindWordingGetsNoHint(string? text) => Assert.Null(BlameHints.Find(text));

    [Fact]
    public void TheFirstBlameIsTheOneNamed()
    {
        var hint = BlameHints.Find("Why don't you call? You never do.");

        Assert.Equal("Why don't you", hint!.Phrase);
        Assert.Equal("I feel more connected when you call.", hint.Suggestion);
    }
}
