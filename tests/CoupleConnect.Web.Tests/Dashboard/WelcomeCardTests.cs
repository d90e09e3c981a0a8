using System.Globalization;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>The first-run welcome (issue 15 item 7): what happens each day, when the reminders come, where to change them; dismissible.</summary>
public sealed class WelcomeCardTests : DashboardTestContext
{
    [Fact]
    public void SaysWhatHappensEachDayAndWhenTheRemindersCome()
    {
        var card = RenderCard(new ReminderPreferencesInput { QuestionReminderOn = true, QuestionReminderAt = "07:30", GratitudeReminderOn = true, GratitudeReminderAt = "21:00" });

        Assert.Contains("Each day", card.Find("#welcome-card").TextContent, StringComparison.Ordinal);
        Assert.Contains("one thing you appreciated about Alex: that's Gratitude.", card.Find("#welcome-card").TextContent, StringComparison.Ordinal);
        Assert.Equal("We'll email you the question at 07:30 and remind you of gratitude at 21:00, your time.", card.Find("#welcome-reminders").TextContent.Trim());
        Assert.Equal("preferences/reminders", card.Find("#welcome-reminder-settings").GetAttribute("href"));
    }

    [Fact]
    public void SaysWhenTheRemindersComeInTheReadersOwnClock()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var card = RenderCard(new ReminderPreferencesInput { QuestionReminderOn = true, QuestionReminderAt = "07:30", GratitudeReminderOn = false });

            Assert.Equal("We'll email you the question at 7:30 AM, your time.", card.Find("#welcome-reminders").TextContent.Trim());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void SaysSoWhenTheRemindersAreOff()
    {
        var card = RenderCard(new ReminderPreferencesInput { QuestionReminderOn = false, GratitudeReminderOn = false });

        Assert.Equal("Your reminder emails are off, so the app waits for you.", card.Find("#welcome-reminders").TextContent.Trim());
    }

    [Fact]
    public void GoesAwayWhenDismissedAndRemembersIt()
    {
        var card = RenderCard(new ReminderPreferencesInput { QuestionReminderOn = true, GratitudeReminderOn = true });

        card.Find("#welcome-dismiss").Click();

        Assert.Empty(card.FindAll("#welcome-card"));
        var remembered = Assert.Single(JSInterop.Invocations, invocation => invocation.Identifier == "localStorage.setItem");
        Assert.Equal(WelcomeCard.DismissedKey, remembered.Arguments[0]);
    }

    [Fact]
    public void StaysAwayOnThisDeviceOnceDismissed()
    {
        JSInterop.Setup<string?>("localStorage.getItem", WelcomeCard.DismissedKey).SetResult("yes");

        var card = RenderCard(new ReminderPreferencesInput());

        card.WaitForAssertion(() => Assert.Empty(card.FindAll("#welcome-card")));
    }

    private IRenderedComponent<WelcomeCard> RenderCard(ReminderPreferencesInput reminders) =>
        Render<WelcomeCard>(parameters => parameters
            .Add(card => card.PartnerName, PartnerName)
            .Add(card => card.Reminders, reminders));
}
