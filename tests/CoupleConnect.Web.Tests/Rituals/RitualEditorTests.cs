using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.Web.Tests.Rituals;

/// <summary>The ritual form: visible labels, only the fields the chosen repeat needs, counters, and nothing lost on a refused save.</summary>
public sealed class RitualEditorTests : RitualsTestContext
{
    public static TheoryData<RitualRepeat, string[], string[]> FieldsByRepeat => new()
    {
        { RitualRepeat.Once, [], ["#ritual-weekdays", "#ritual-day-of-month", "#ritual-nth"] },
        { RitualRepeat.Daily, [], ["#ritual-weekdays", "#ritual-day-of-month", "#ritual-nth"] },
        { RitualRepeat.Weekly, ["#ritual-weekdays"], ["#ritual-day-of-month", "#ritual-nth"] },
        { RitualRepeat.MonthlyOnDay, ["#ritual-day-of-month"], ["#ritual-weekdays", "#ritual-nth"] },
        { RitualRepeat.MonthlyOnNthWeekday, ["#ritual-nth"], ["#ritual-weekdays", "#ritual-day-of-month"] },
    };

    [Theory]
    [MemberData(nameof(FieldsByRepeat))]
    public void ShowsOnlyTheFieldsTheRepeatNeeds(RitualRepeat repeat, string[] shown, string[] hidden)
    {
        var editor = RenderEditor(Input(repeat));

        Assert.All(shown, selector => Assert.NotEmpty(editor.FindAll(selector)));
        Assert.All(hidden, selector => Assert.Empty(editor.FindAll(selector)));
    }

    [Fact]
    public void EveryFieldHasAVisibleLabel()
    {
        var editor = RenderEditor(Input(RitualRepeat.Weekly));

        var labels = editor.FindAll("label").Select(label => label.TextContent.Trim()).ToList();
        Assert.Contains("Name", labels);
        Assert.Contains("What it's about (optional)", labels);
        Assert.Contains("How often", labels);
        Assert.Contains("Starting on", labels);
        Assert.Contains("Starts at (home time)", labels);
        Assert.Contains("Lasts", labels);
        Assert.Equal("Days", editor.Find("#ritual-days-label").TextContent.Trim());
        Assert.Equal("ritual-days-label", editor.Find("#ritual-weekdays [aria-labelledby]").GetAttribute("aria-labelledby"));
    }

    [Fact]
    public void AOnceRitualAsksForItsDay()
    {
        var editor = RenderEditor(Input(RitualRepeat.Once));

        Assert.Contains("On", editor.FindAll("label").Select(label => label.TextContent.Trim()));
        Assert.DoesNotContain("Starting on", editor.FindAll("label").Select(label => label.TextContent.Trim()));
    }

    [Fact]
    public void TheDayOfTheMonthExplainsWhyItStopsAt28()
    {
        var editor = RenderEditor(Input(RitualRepeat.MonthlyOnDay));

        Assert.Equal("1 to 28, so it happens every month", editor.Find("#ritual-day-of-month-helper-text").TextContent.Trim());
        Assert.Equal("ritual-day-of-month-helper-text", editor.Find("#ritual-day-of-month + [role=combobox]").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void ShowsTheFormsValuesAndCounters()
    {
        var editor = RenderEditor(Input(RitualRepeat.Weekly));

        Assert.Equal("Date night", editor.Find("#ritual-name").GetAttribute("value"));
        Assert.Equal("19:30", editor.Find("#ritual-start-time").GetAttribute("value"));
        Assert.Equal("2 hours", editor.Find("#ritual-duration + [role=combobox]").TextContent.Trim());
        Assert.Equal("Every week", editor.Find("#ritual-repeat + [role=combobox]").TextContent.Trim());
        Assert.Contains("10 / 80", editor.Markup, StringComparison.Ordinal);
        Assert.Contains("0 / 280", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoosingDaysChangesTheForm()
    {
        var input = Input(RitualRepeat.Weekly);
        var editor = RenderEditor(input);

        editor.Find("#ritual-weekdays [data-day='Sunday']").Click();

        editor.WaitForAssertion(() => Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Friday], input.Weekdays.Order()));
    }

    [Fact]
    public void ATooLongNameSaysSoWhileTyping()
    {
        var input = Input(RitualRepeat.Weekly);
        var editor = RenderEditor(input);

        editor.Find("#ritual-name").Input(new string('a', 81));

        editor.WaitForAssertion(() => Assert.Contains("81 characters: please shorten to 80. Nothing is lost while you edit.", editor.Markup, StringComparison.Ordinal));
        Assert.Equal(new string('a', 81), input.Name);
    }

    [Fact]
    public void ARefusedSaveShowsTheMessageAndKeepsEverything()
    {
        var input = Input(RitualRepeat.MonthlyOnNthWeekday);
        input.Description = "<b>Ours</b>";
        var submitted = 0;
        var editor = Render<RitualEditor>(parameters => parameters
            .Add(e => e.Input, input)
            .Add(e => e.SubmitLabel, "Save ritual")
            .Add(e => e.OnSubmit, () => submitted++));

        editor.Find("#save-ritual").Click();
        editor.Render(parameters => parameters.Add(e => e.Error, "That time has already passed. Pick a time still to come."));

        Assert.Equal(1, submitted);
        var alert = editor.Find("#ritual-error");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal("That time has already passed. Pick a time still to come.", alert.TextContent.Trim());
        Assert.Equal("Date night", editor.Find("#ritual-name").GetAttribute("value"));
        Assert.Equal("<b>Ours</b>", editor.Find("#ritual-description").GetAttribute("value"));
        Assert.Equal("19:30", editor.Find("#ritual-start-time").GetAttribute("value"));
        Assert.NotEmpty(editor.FindAll("#ritual-nth"));
        Assert.Empty(editor.FindAll("b"));
    }

    [Theory]
    [InlineData(RitualRepeat.Once, "Once")]
    [InlineData(RitualRepeat.Daily, "Every day")]
    [InlineData(RitualRepeat.Weekly, "Every week")]
    [InlineData(RitualRepeat.MonthlyOnDay, "Every month on a day")]
    [InlineData(RitualRepeat.MonthlyOnNthWeekday, "Every month on a weekday")]
    public void RepeatsReadAsWords(RitualRepeat repeat, string expected) => Assert.Equal(expected, RitualEditor.RepeatName(repeat));

    private static RitualInput Input(RitualRepeat repeat) => new()
    {
        Name = "Date night",
        Repeat = repeat,
        StartDate = new DateOnly(2026, 11, 27),
        StartTime = "19:30",
        DurationMinutes = 120,
        Weekdays = [DayOfWeek.Friday],
        DayOfMonth = 1,
        Nth = 1,
        NthWeekday = DayOfWeek.Sunday,
    };

    private IRenderedComponent<RitualEditor> RenderEditor(RitualInput input) =>
        Render<RitualEditor>(parameters => parameters.Add(e => e.Input, input).Add(e => e.SubmitLabel, "Save ritual"));
}
