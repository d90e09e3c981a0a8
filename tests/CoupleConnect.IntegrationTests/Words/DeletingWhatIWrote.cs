using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.IntegrationTests.Words;

/// <summary>
/// Positives, notes of thanks, ritual notes and monthly reflections can be deleted by the person who wrote them, and
/// then they are gone for both, everywhere: the pages (live), the dashboard's counts, the weekly summary, every
/// download and the archive. Nobody else can delete them.
/// </summary>
public sealed class DeletingWhatIWrote(WordsAppFixture app) : IClassFixture<WordsAppFixture>
{
    private static readonly DateOnly Session = new(2027, 3, 7);

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task ADeletedPositiveGoesForBothFromPagesCountsTheWeeklySummaryDownloadsAndTheArchive()
    {
        var couple = await app.NewCoupleAsync();
        await BothShareHighlightsAsync(couple);
        var positive = await Driver.LogPositiveAsync(couple.Partner, PositiveKind.Help, "Sam noticed: Redshank.");
        var thanks = await Driver.WriteGratitudeAsync(couple.Partner, "Sam thanks: Greenshank.");
        Assert.Equal(2, PartnersThisWeek(await Driver.DashboardAsync(couple.Inviter)));
        Assert.NotNull((await WeeklySummaryForAsync(couple, couple.Inviter)).HighlightText);

        var heard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var alexsPage = Driver.AsUser(couple.Inviter))
        {
            using var listening = await alexsPage.Positives.SubscribeAsync(change => Task.FromResult(heard.TrySetResult(change)));
            await Driver.OkAsync(couple.Partner, services => services.Positives.DeleteAsync(positive.Id));
            await Driver.OkAsync(couple.Partner, services => services.Positives.DeleteAsync(thanks.Id));
            Assert.Equal(CoupleChange.PositiveLogged, await heard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            var dashboard = await Driver.DashboardAsync(person);
            Assert.Empty(dashboard.Latest);
            Assert.Equal(0, dashboard.Weeks.Sum(week => week.Yours + week.Partners));
            await using var scope = Driver.AsUser(person);
            Assert.Empty((await scope.Positives.ListAsync(PositiveAuthor.Both, PositiveKindChoice.All, 50))!.Entries);
        }

        var week = await WeeklySummaryForAsync(couple, couple.Inviter);
        Assert.Equal(0, week.PartnerNoticed);
        Assert.Null(week.HighlightText);
        Assert.Null(week.MostNoticedAboutYou);

        await Driver.LeaveAsync(couple.Inviter);
        foreach (var text in new[]
        {
            await Driver.ArchiveOfAsync(couple.Inviter),
            await Driver.ArchiveOfAsync(couple.Partner),
            await Driver.DownloadOfAsync(couple.Inviter),
            await Driver.DownloadOfAsync(couple.Partner),
        })
        {
            Assert.DoesNotContain("Redshank", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Greenshank", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnlyItsAuthorCanDeleteAPositiveAndAHeartIsTakenBackOnTheAnswer()
    {
        var couple = await app.NewCoupleAsync();
        var positive = await Driver.LogPositiveAsync(couple.Inviter, PositiveKind.KindWord, "Alex noticed: Oystercatcher.");
        var strangers = await app.NewCoupleAsync();
        var loner = await Driver.NewPersonAsync("Loner");

        Assert.Equal(PositiveRuleException.MessageFor(PositiveRule.NotYourWords), await Driver.RefusedAsync(couple.Partner, services => services.Positives.DeleteAsync(positive.Id)));
        Assert.Equal(PositivesService.GoneMessage, await Driver.RefusedAsync(strangers.Inviter, services => services.Positives.DeleteAsync(positive.Id)));
        Assert.Equal(PositivesService.NotPairedMessage, await Driver.RefusedAsync(loner, services => services.Positives.DeleteAsync(positive.Id)));
        Assert.Equal(PositivesService.GoneMessage, await Driver.RefusedAsync(couple.Inviter, services => services.Positives.DeleteAsync(Guid.NewGuid())));
        Assert.Contains((await Driver.DashboardAsync(couple.Partner)).Latest, entry => entry.Note == "Alex noticed: Oystercatcher.");

        var day = await Driver.BothAnswerTodayAsync(couple, "Alex: the tide.", "Sam: the tide and the gulls.");
        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.ToggleHeartAsync(day));
        var heart = (await Driver.DashboardAsync(couple.Inviter)).Latest.Single(entry => entry.HeartOnQuestionOf is not null);
        Assert.Equal(PositiveRuleException.MessageFor(PositiveRule.HeartIsTakenBackOnTheAnswer), await Driver.RefusedAsync(couple.Inviter, services => services.Positives.DeleteAsync(heart.Id)));
    }

    [Fact]
    public async Task ADeletedRitualNoteGoesForBothFromTheRitualPageDownloadsAndTheArchiveAndOnlyItsAuthorCanDeleteIt()
    {
        var couple = await app.NewCoupleAsync();
        var ritual = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Morning coffee", Session.AddDays(-3), "08:00"));
        await Driver.WriteNoteAsync(couple.Inviter, ritual, Session, "Alex noted: Lapwing.");

        // Sam (with no note of his own there yet) and a stranger aim at Alex's note: nothing of Alex's goes.
        Assert.Equal(RitualOccurrencesService.WordsGoneMessage, await Driver.RefusedAsync(couple.Partner, services => services.Get<RitualOccurrencesService>().DeleteNoteAsync(ritual, Session)));
        var strangers = await app.NewCoupleAsync();
        Assert.Equal(RitualOccurrencesService.WordsGoneMessage, await Driver.RefusedAsync(strangers.Inviter, services => services.Get<RitualOccurrencesService>().DeleteNoteAsync(ritual, Session)));
        Assert.Equal("Alex noted: Lapwing.", (await Driver.RitualAsync(couple.Partner, ritual)).Past.Single(past => past.Occurrence.Day == Session).Notes.Single().Text);
        await Driver.WriteNoteAsync(couple.Partner, ritual, Session, "Sam noted: the good cups.");

        await Driver.OkAsync(couple.Inviter, services => services.Get<RitualOccurrencesService>().DeleteNoteAsync(ritual, Session));

        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            var notes = (await Driver.RitualAsync(person, ritual)).Past.Single(past => past.Occurrence.Day == Session).Notes;
            Assert.Equal("Sam noted: the good cups.", Assert.Single(notes).Text);
        }

        await Driver.LeaveAsync(couple.Partner);
        var archive = await Driver.ArchiveOfAsync(couple.Partner);
        Assert.Contains("Sam noted: the good cups.", archive, StringComparison.Ordinal);
        foreach (var text in new[] { archive, await Driver.DownloadOfAsync(couple.Inviter) })
        {
            Assert.DoesNotContain("Lapwing", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADeletedMonthlyReflectionGoesForBothFromThePageDownloadsAndTheArchive()
    {
        var couple = await app.NewCoupleAsync();
        var form = await Driver.RitualsAsync(couple.Partner, rituals => rituals.NewFormAsync(RitualTemplates.MonthlyReflection.Key));
        form!.StartDate = new DateOnly(2027, 1, 10);
        var reflection = await Driver.CreateRitualAsync(couple.Partner, form);
        await Driver.WriteReflectionAsync(couple.Inviter, reflection, Session, "Alex: Shoveler.", "Alex goal: Garganey.");
        Assert.Equal(RitualOccurrencesService.WordsGoneMessage, await Driver.RefusedAsync(couple.Partner, services => services.Get<RitualOccurrencesService>().DeleteReflectionAsync(reflection, Session)));
        await Driver.WriteReflectionAsync(couple.Partner, reflection, Session, "Sam: Sundays were ours.", "Sam goal: a trip north.");
        Assert.Equal("Alex: Shoveler.", (await Driver.ReflectionAsync(couple.Partner, reflection, Session)).Partner.WentWell);

        await Driver.OkAsync(couple.Inviter, services => services.Get<RitualOccurrencesService>().DeleteReflectionAsync(reflection, Session));

        var samsView = await Driver.ReflectionAsync(couple.Partner, reflection, Session);
        Assert.False(samsView.Partner.Written);
        Assert.Null(samsView.Partner.WentWell);
        Assert.False((await Driver.ReflectionAsync(couple.Inviter, reflection, Session)).Mine.Written);

        await Driver.LeaveAsync(couple.Partner);
        foreach (var text in new[] { await Driver.ArchiveOfAsync(couple.Partner), await Driver.DownloadOfAsync(couple.Inviter), await Driver.DownloadOfAsync(couple.Partner) })
        {
            Assert.DoesNotContain("Shoveler", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Garganey", text, StringComparison.Ordinal);
        }
    }

    private static int PartnersThisWeek(Web.Features.Dashboard.DashboardView view) => view.Weeks.Sum(week => week.Partners);

    private async Task BothShareHighlightsAsync(PairedCouple couple)
    {
        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            await using var scope = Driver.AsUser(person);
            var preferences = scope.Get<ReminderPreferencesService>();
            var input = (await preferences.GetAsync())!;
            input.WeeklySummaryOn = true;
            input.ShareHighlightText = true;
            Assert.True((await preferences.SaveAsync(input)).Succeeded);
        }
    }

    /// <summary>The weekly summary email's content for <paramref name="recipient"/>, as the sender composes it this week.</summary>
    private async Task<WeeklySummary> WeeklySummaryForAsync(PairedCouple couple, TestPerson recipient)
    {
        await using var scope = Driver.AsUser(recipient);
        var partner = recipient == couple.Inviter ? couple.Partner : couple.Inviter;
        await using var db = await CoupleDb.OpenAsync(scope.Get<IDbContextFactory<AppDbContext>>(), couple.CoupleId);
        var reminderCouple = new ReminderCouple(couple.CoupleId, partner.Id, partner.DisplayName, TimeZoneId.Parse(RitualsAppFixture.HomeZone), app.Clock.GetUtcNow());
        return await WeeklySummaries.ForWeekOfAsync(db, reminderCouple, recipient.Id, app.Today(), CancellationToken.None);
    }
}
