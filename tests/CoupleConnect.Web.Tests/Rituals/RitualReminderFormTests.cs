using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.Web.Tests.Rituals;

/// <summary>Each partner's own reminder: on or off, how long before (at most a week), the day before only for monthly rituals.</summary>
public sealed class RitualReminderFormTests : RitualsTestContext
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OffersTheDayBeforeOnlyWhenTheRitualIsMonthly(bool offersDayBefore)
    {
        var form = RenderForm(new ReminderChoice(true, 120, offersDayBefore, offersDayBefore));

        Assert.Equal(offersDayBefore, form.FindAll("#ritual-reminder-day-before").Count == 1);
        Assert.Equal(offersDayBefore, form.Markup.Contains("Also the day before", StringComparison.Ordinal));
    }

    [Fact]
    public void StartsFromWhatThePartnerChoseAndSaysHowRemindersCome()
    {
        var form = RenderForm(new ReminderChoice(true, 120, false, false));

        Assert.Equal("Your reminder", form.Find("#ritual-reminder h2").TextContent.Trim());
        Assert.Contains("Remind me", form.Find("#ritual-reminder").TextContent, StringComparison.Ordinal);
        Assert.Contains("How long before", form.Find("#ritual-reminder").TextContent, StringComparison.Ordinal);
        Assert.Equal("2 hours before", form.Find("#ritual-reminder-lead + [role=combobox]").TextContent.Trim());
        Assert.Contains("By email, at your own local time. Sam chooses theirs.", Squash(form.Find("#ritual-reminder").TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenOffTheLeadTimeWaits()
    {
        var form = RenderForm(new ReminderChoice(false, 30, false, false));

        Assert.Equal("true", form.Find("#ritual-reminder-lead + [role=combobox]").GetAttribute("aria-disabled"));
    }

    [Fact]
    public void ARefusedSaveShowsWhyAndKeepsTheChoice()
    {
        var form = RenderForm(new ReminderChoice(true, 1440, true, true));

        form.Find("#save-ritual-reminder").Click();

        form.WaitForAssertion(() => Assert.Equal(RitualsService.NotPairedMessage, form.Find("#ritual-reminder-error").TextContent.Trim()));
        Assert.Equal("alert", form.Find("#ritual-reminder-error").GetAttribute("role"));
        Assert.Equal("1 day before", form.Find("#ritual-reminder-lead + [role=combobox]").TextContent.Trim());
    }

    [Theory]
    [InlineData(15, "15 minutes before")]
    [InlineData(30, "30 minutes before")]
    [InlineData(60, "1 hour before")]
    [InlineData(120, "2 hours before")]
    [InlineData(90, "1 h 30 min before")]
    [InlineData(1440, "1 day before")]
    [InlineData(2880, "2 days before")]
    [InlineData(10080, "1 week before")]
    public void LeadTimesReadAsWords(int minutes, string expected)
    {
        Assert.Equal(expected, RitualReminderForm.LeadName(minutes));
        Assert.True(TimeSpan.FromMinutes(minutes) <= RitualReminder.MaxLead);
    }

    private IRenderedComponent<RitualReminderForm> RenderForm(ReminderChoice choice) =>
        Render<RitualReminderForm>(parameters => parameters
            .Add(f => f.RitualId, DateNightId)
            .Add(f => f.Choice, choice)
            .Add(f => f.PartnerName, PartnerName));

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
