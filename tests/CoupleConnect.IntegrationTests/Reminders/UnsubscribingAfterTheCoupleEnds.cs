using System.Net;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using static CoupleConnect.IntegrationTests.Reminders.UnsubscribingTests;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// An unsubscribe link names the couple its email was sent in and dies with it: after the couple ends (and in any
/// later couple) it changes nothing and says why, while the person, signed in, can still change every reminder.
/// </summary>
[Collection(UnsubscribingTests.Name)]
public sealed class UnsubscribingAfterTheCoupleEnds(ClockedAppFixture app)
{
    [Fact]
    public async Task WhileTheCoupleLastsItsLinkWorks()
    {
        var couple = await CoupleWithEveryReminderOnAsync();

        using var response = await PostOneClickAsync(app, TokenFor(app, couple.Inviter, ReminderKind.DailyQuestion, couple.CoupleId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await PreferencesOfAsync(app, couple.Inviter)).QuestionReminderOn);
    }

    [Fact]
    public async Task AfterTheCoupleEndsItsLinksChangeNothingAndSayWhy()
    {
        var couple = await CoupleWithEveryReminderOnAsync();
        var ritualId = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Evening walk", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1), "20:00"));
        var links = new[]
        {
            TokenFor(app, couple.Inviter, ReminderKind.DailyQuestion, couple.CoupleId),
            TokenFor(app, couple.Partner, ReminderKind.EveningGratitude, couple.CoupleId),
            app.ClockedFactory.Services.GetRequiredService<UnsubscribeTokens>().Create(couple.Partner.Id, couple.CoupleId, ReminderKind.RitualReminder, ritualId),
        };

        await app.ClockedDriver.LeaveAsync(couple.Inviter);
        foreach (var link in links)
        {
            await AssertRefusedAsync(couple, link);
        }

        // Nor do they come back to life in the couple one of them joins next.
        await app.ClockedDriver.PairAsync(couple.Inviter, await app.ClockedDriver.NewPersonAsync("Noor"));
        await AssertRefusedAsync(couple, links[0]);
    }

    [Fact]
    public async Task SignedInAPersonNoLongerInACoupleStillManagesTheirReminders()
    {
        var couple = await CoupleWithEveryReminderOnAsync();
        await app.ClockedDriver.LeaveAsync(couple.Partner);

        await using (var scope = app.ClockedDriver.AsUser(couple.Partner))
        {
            var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = false, GratitudeReminderOn = true, PartnerActivityOn = false });
            Assert.True(saved.Succeeded, saved.Error);
        }

        var preferences = await PreferencesOfAsync(app, couple.Partner);
        Assert.Equal((false, true, false), (preferences.QuestionReminderOn, preferences.GratitudeReminderOn, preferences.PartnerActivityOn));
        using var browser = NewBrowser(app);
        await browser.LogInSuccessfullyAsync(couple.Partner.Email, AppFixture.Password);
        using var page = await browser.GetAsync("/preferences/reminders");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task AssertRefusedAsync(PairedCouple couple, string token)
    {
        var before = (await SnapshotAsync(app, couple.Inviter), await SnapshotAsync(app, couple.Partner));

        using (var oneClick = await PostOneClickAsync(app, token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, oneClick.StatusCode);
            Assert.Equal(UnsubscribeService.CoupleEndedMessage, await oneClick.Content.ReadAsStringAsync());
        }

        using var browser = NewBrowser(app);
        using (var page = await browser.GetAsync(PagePath(token)))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(UnsubscribeService.CoupleEndedMessage, ErrorShown(html));
            Assert.DoesNotContain("confirm-unsubscribe", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await SnapshotAsync(app, couple.Inviter), await SnapshotAsync(app, couple.Partner)));
    }

    private async Task<PairedCouple> CoupleWithEveryReminderOnAsync()
    {
        var couple = await app.ClockedDriver.PairNewAsync("Robin", "Kai", "Europe/London", "Europe/London");
        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            await using var scope = app.ClockedDriver.AsUser(person);
            var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, GratitudeReminderOn = true, PartnerActivityOn = true });
            Assert.True(saved.Succeeded, saved.Error);
        }

        return couple;
    }
}
