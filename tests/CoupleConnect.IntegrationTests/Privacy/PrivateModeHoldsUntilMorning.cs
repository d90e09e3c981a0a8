using System.Text;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Privacy;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.IntegrationTests.Privacy;

/// <summary>
/// Private mode (docs/adr/0036), through the real app on a fake clock: what Sam writes in private mode reaches Alex
/// the next morning in the couple's home zone, not live; Alex sees the day, never the time; no "your turn" email tells
/// Alex that Sam answered; and turning it on tells Alex nothing.
/// </summary>
public sealed class PrivateModeHoldsUntilMorning(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task SamsPositiveGratitudeAndAnswerDoNotReachAlexsOpenDashboardLiveButDoTheNextMorningWithTheDayOnly()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await ChoosePrivateModeAsync(sam, on: true);
        await using var alexsPage = await OpenDashboardPage.OpenAsync(app.ClockedFactory.Services, alex);
        var writtenAt = app.Clock.GetUtcNow();

        var positive = await Driver.LogPositiveAsync(sam, PositiveKind.Help, "You fixed the bike without being asked.");
        var gratitude = await Driver.WriteGratitudeAsync(sam, "Thank you for the quiet evening.");
        var day = (await Driver.AnswerTodayAsync(sam, "The morning coffee together.")).Day;

        await alexsPage.NextAsync(TimeSpan.FromSeconds(10));
        var alexNow = (await alexsPage.Services.Dashboard.GetAsync())!;
        Assert.DoesNotContain(alexNow.Latest, entry => entry.Id == positive.Id || entry.Id == gratitude.Id);
        Assert.Equal((QuestionStatus.NotAnswered, false), (alexNow.PartnersQuestion, alexNow.PartnerThankedToday));
        Assert.False((await DayAsync(alex, day)).PartnerHasAnswered);
        Assert.DoesNotContain((await ListAsync(alex)).Entries, entry => entry.Id == positive.Id || entry.Id == gratitude.Id);
        Assert.Contains((await ListAsync(sam)).Entries, entry => entry.Id == positive.Id);

        app.Clock.SetUtcNow(PrivateMode.PartnerSeesFrom(writtenAt, Berlin));

        var seen = (await Driver.DashboardAsync(alex)).Latest.Where(entry => entry.Id == positive.Id || entry.Id == gratitude.Id).ToList();
        Assert.Equal(2, seen.Count);
        Assert.All(seen, entry => Assert.Equal(TimeSpan.Zero, entry.CreatedAt.TimeOfDay)); // the day, not the moment
        Assert.True((await DayAsync(alex, day)).PartnerHasAnswered);
    }

    [Fact]
    public async Task WhenOneIsPrivateBothAnswersOpenForBothTogetherTheNextMorning()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await ChoosePrivateModeAsync(sam, on: true);
        var day = (await Driver.AnswerTodayAsync(alex, "The walk in the rain.")).Day;
        var answeredAt = app.Clock.GetUtcNow();

        await Driver.AnswerAsync(sam, day, "Dinner at your sister's.");

        var samSees = await DayAsync(sam, day);
        Assert.Equal((CheckInState.OpensInTheMorning, null), (samSees.State, samSees.Revealed));
        Assert.Equal(CheckInState.WaitingForPartner, (await DayAsync(alex, day)).State);
        await Driver.AnswerAsync(alex, day, "The walk in the rain, and the soup after."); // nothing locks, so nothing gives Sam away

        app.Clock.SetUtcNow(PrivateMode.PartnerSeesFrom(answeredAt, Berlin));

        Assert.Equal("Dinner at your sister's.", (await DayAsync(alex, day)).Revealed?.PartnerAnswer);
        Assert.Equal("The walk in the rain, and the soup after.", (await DayAsync(sam, day)).Revealed?.PartnerAnswer);
    }

    [Fact]
    public async Task NoYourTurnReminderIsQueuedAboutAPartnerInPrivateMode()
    {
        var couple = await Driver.PairNewAsync();
        await ChoosePrivateModeAsync(couple.Partner, on: true);

        await Driver.AnswerTodayAsync(couple.Partner, "Cooking together.");

        var outbox = await new DispatchTables(app.Factory.ConnectionString).OutboxAsync(couple.Inviter.Id);
        Assert.DoesNotContain(outbox, row => row.Kind == ReminderKind.PartnerActivity);
    }

    [Fact]
    public async Task TurningItOnTellsThePartnerNothing()
    {
        var couple = await Driver.PairNewAsync();
        await using var alexsPage = await OpenDashboardPage.OpenAsync(app.ClockedFactory.Services, couple.Inviter);
        var alexBefore = await SettingsAsync(couple.Inviter);

        await ChoosePrivateModeAsync(couple.Partner, on: true);

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(alexsPage.HasHeardAnything);
        Assert.Equal(alexBefore, await SettingsAsync(couple.Inviter));
        Assert.True((await SettingsAsync(couple.Partner))!.PrivateMode);
    }

    [Fact]
    public async Task WhatPrivateModeStillHeldWhenTheCoupleEndedNeverReachesTheOthersArchiveOrDownload()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var day = (await Driver.AnswerTodayAsync(alex, "Alex answered: Dunnock.")).Day;
        await ChoosePrivateModeAsync(sam, on: true);
        await Driver.LogPositiveAsync(sam, PositiveKind.Help, "Sam held: Whimbrel.");
        await Driver.AnswerAsync(sam, day, "Sam held: Turnstone.");

        Assert.DoesNotContain("Whimbrel", await DownloadOfAsync(alex), StringComparison.Ordinal); // held, not yet morning

        await Driver.LeaveAsync(alex);
        app.Clock.Advance(TimeSpan.FromDays(2)); // the morning came, but after the couple had ended

        var alexsArchive = await ArchiveOfAsync(alex);
        var alexsDownload = await DownloadOfAsync(alex);
        foreach (var heldWord in new[] { "Whimbrel", "Turnstone" })
        {
            Assert.DoesNotContain(heldWord, alexsArchive, StringComparison.Ordinal);
            Assert.DoesNotContain(heldWord, alexsDownload, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Dunnock", await ArchiveOfAsync(sam), StringComparison.Ordinal); // the day never opened for both
        var samsDownload = await DownloadOfAsync(sam);
        Assert.Contains("Sam held: Whimbrel.", samsDownload, StringComparison.Ordinal); // Sam's own words stay Sam's
        Assert.Contains("Sam held: Turnstone.", samsDownload, StringComparison.Ordinal);
    }

    private async Task<string> ArchiveOfAsync(TestPerson former)
    {
        await using var scope = Driver.AsUser(former);
        var json = await scope.Archive.ExportAsync(former.Id);
        Assert.NotNull(json);
        return Encoding.UTF8.GetString(json);
    }

    private async Task<string> DownloadOfAsync(TestPerson person)
    {
        await using var scope = Driver.AsUser(person);
        var user = await scope.Get<UserManager<ApplicationUser>>().FindByIdAsync(person.Id);
        return Encoding.UTF8.GetString(await scope.Get<PersonalDataExporter>().ExportAsync(user!));
    }

    private async Task ChoosePrivateModeAsync(TestPerson person, bool on)
    {
        await using var scope = Driver.AsUser(person);
        var result = await scope.Get<PrivacyService>().ChoosePrivateModeAsync(on);
        Assert.True(result.Succeeded, result.Error);
    }

    private async Task<PrivacySettings?> SettingsAsync(TestPerson person)
    {
        await using var scope = Driver.AsUser(person);
        return await scope.Get<PrivacyService>().GetAsync();
    }

    private async Task<CheckInDay> DayAsync(TestPerson person, DateOnly day)
    {
        await using var scope = Driver.AsUser(person);
        return (await scope.CheckIns.GetDayAsync(day))!;
    }

    private async Task<PositiveList> ListAsync(TestPerson person)
    {
        await using var scope = Driver.AsUser(person);
        return (await scope.Positives.ListAsync(PositiveAuthor.Both, PositiveKindChoice.All, 50))!;
    }
}
