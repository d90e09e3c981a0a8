using System.Net;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using static CoupleConnect.IntegrationTests.Reminders.UnsubscribingTests;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>A valid link turns off exactly its one kind; the landing page asks first and offers to undo.</summary>
[Collection(UnsubscribingTests.Name)]
public sealed class UnsubscribingWithAValidLink(ClockedAppFixture app)
{
    [Theory]
    [InlineData(ReminderKind.DailyQuestion, false, true, true, new[] { ReminderKind.EveningGratitude, ReminderKind.WeeklyTemperature })]
    [InlineData(ReminderKind.EveningGratitude, true, false, true, new[] { ReminderKind.DailyQuestion, ReminderKind.WeeklyTemperature })]
    [InlineData(ReminderKind.PartnerActivity, true, true, false, new[] { ReminderKind.DailyQuestion, ReminderKind.EveningGratitude, ReminderKind.WeeklyTemperature })]
    public async Task OneClickTurnsOffExactlyThatKind(ReminderKind kind, bool questionOn, bool gratitudeOn, bool partnerActivityOn, ReminderKind[] stillScheduled)
    {
        var person = await PersonWithEveryReminderOnAsync(app);
        var token = TokenFor(app, person, kind);

        using (var response = await PostOneClickAsync(app, token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(ReminderKindNames.Of(kind), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var preferences = await PreferencesOfAsync(app, person);
        Assert.Equal((questionOn, gratitudeOn, partnerActivityOn), (preferences.QuestionReminderOn, preferences.GratitudeReminderOn, preferences.PartnerActivityOn));
        Assert.Equal(stillScheduled, await ScheduledKindsOfAsync(app, person));

        // Mail apps may post twice; the second is harmless, and the page now says it's off.
        using (var again = await PostOneClickAsync(app, token))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using var browser = NewBrowser(app);
        Assert.Contains("id=\"unsubscribe-already\"", await browser.GetPageAsync(PagePath(token)), StringComparison.Ordinal);
        Assert.Equal(stillScheduled, await ScheduledKindsOfAsync(app, person));
    }

    [Fact]
    public async Task ThePageTurnsTheKindOffOnlyWhenConfirmedAndItsUndoTurnsItBackOn()
    {
        var person = await PersonWithEveryReminderOnAsync(app);
        var path = PagePath(TokenFor(app, person, ReminderKind.DailyQuestion));
        using var browser = NewBrowser(app);

        // Opening the link changes nothing: mail scanners open links too.
        var before = await SnapshotAsync(app, person);
        Assert.Contains("id=\"confirm-unsubscribe\"", await browser.GetPageAsync(path), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app, person));

        string confirmed;
        using (var response = await browser.SubmitFormAsync(path, "confirm-unsubscribe", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            confirmed = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("id=\"unsubscribe-done\"", confirmed, StringComparison.Ordinal);
        Assert.False((await PreferencesOfAsync(app, person)).QuestionReminderOn);
        Assert.Equal([ReminderKind.EveningGratitude, ReminderKind.WeeklyTemperature], await ScheduledKindsOfAsync(app, person));

        // The undo button on the confirmation itself.
        var undo = HtmlForms.FindByFormName(confirmed, "undo-unsubscribe");
        using (var response = await browser.PostFormAsync(undo.Action is null ? path : HtmlForms.ResolvePath(undo.Action), undo.HiddenFields))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"unsubscribe-undone\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var preferences = await PreferencesOfAsync(app, person);
        Assert.Equal((true, true, true), (preferences.QuestionReminderOn, preferences.GratitudeReminderOn, preferences.PartnerActivityOn));
        Assert.Equal([ReminderKind.DailyQuestion, ReminderKind.EveningGratitude, ReminderKind.WeeklyTemperature], await ScheduledKindsOfAsync(app, person));
    }
}
