using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.CheckIns;

namespace CoupleConnect.IntegrationTests.Words;

/// <summary>
/// A daily answer is its writer's: before the reveal it can be withdrawn, and the partner never sees it anywhere (page,
/// download, archive); after the reveal its words can be removed, and the partner's own words that answered it stay
/// with a "removed" mark. Only one's own words, never a stranger's or the partner's.
/// </summary>
public sealed class WithdrawingAndRemovingAnswers(WordsAppFixture app) : IClassFixture<WordsAppFixture>
{
    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task AWithdrawnAnswerIsNeverSeenByThePartnerNotOnTheirPageNorInAnyDownloadOrArchive()
    {
        var couple = await app.NewCoupleAsync();
        var written = await Driver.AnswerTodayAsync(couple.Inviter, "Alex withdrawn: Ptarmigan.");

        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.TakeBackAnswerAsync(written.Day));

        var alexsDay = await Driver.TodaysQuestionAsync(couple.Inviter);
        Assert.Equal(CheckInState.NotAnswered, alexsDay.State);
        Assert.Null(alexsDay.MyAnswer);
        Assert.False((await Driver.TodaysQuestionAsync(couple.Partner)).PartnerHasAnswered);
        Assert.DoesNotContain(await Driver.CheckInTables.AnswersAsync(couple.CoupleId), row => row.AuthorId == couple.Inviter.Id);

        // Sam answering now reveals nothing: there is nothing of Alex's left to reveal.
        await Driver.AnswerTodayAsync(couple.Partner, "Sam answered after: the bakery.");
        var samsDay = await Driver.TodaysQuestionAsync(couple.Partner);
        Assert.Equal(CheckInState.WaitingForPartner, samsDay.State);
        Assert.Null(samsDay.Revealed);

        await Driver.LeaveAsync(couple.Partner);
        foreach (var text in new[]
        {
            await Driver.DownloadOfAsync(couple.Inviter),
            await Driver.DownloadOfAsync(couple.Partner),
            await Driver.ArchiveOfAsync(couple.Inviter),
            await Driver.ArchiveOfAsync(couple.Partner),
        })
        {
            Assert.DoesNotContain("Ptarmigan", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AfterWithdrawingTheWriterCanAnswerAgainAndOnlyTheNewWordsAreRevealed()
    {
        var couple = await app.NewCoupleAsync();
        var day = (await Driver.AnswerTodayAsync(couple.Inviter, "Alex first: Dotterel.")).Day;
        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.TakeBackAnswerAsync(day));

        await Driver.BothAnswerTodayAsync(couple, "Alex second: the long walk.", "Sam: the long walk too.");

        var samsView = await Driver.TodaysQuestionAsync(couple.Partner);
        Assert.Equal("Alex second: the long walk.", samsView.Revealed!.PartnerAnswer);
        Assert.DoesNotContain("Dotterel", System.Text.Json.JsonSerializer.Serialize(samsView), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevealedAnswerRemovedByItsAuthorGoesForBothAndTheirReflectionOnItStaysUnderARemovedLine()
    {
        var couple = await app.NewCoupleAsync();
        var day = await Driver.BothAnswerTodayAsync(couple, "Alex revealed: Whimbrel.", "Sam revealed: the quiet morning.");
        await Driver.OkAsync(couple.Partner, services => services.CheckIns.ReflectAsync(day, "Sam heard: you want slower days."));
        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.NotQuite, "Alex adds: Sanderling."));

        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.TakeBackAnswerAsync(day));

        var samsView = (await Driver.TodaysQuestionAsync(couple.Partner)).Revealed!;
        Assert.Null(samsView.PartnerAnswer);
        Assert.Equal("Sam heard: you want slower days.", samsView.MyReflectionOnPartner);
        Assert.Null(samsView.PartnersClarification);
        var alexsView = await Driver.TodaysQuestionAsync(couple.Inviter);
        Assert.Equal(CheckInState.Revealed, alexsView.State); // Sam's answer stays shared with Alex
        Assert.True(alexsView.Revealed!.MyAnswerRemoved);
        Assert.Null(alexsView.MyAnswer);
        Assert.Equal("Sam revealed: the quiet morning.", alexsView.Revealed.PartnerAnswer);
        Assert.Equal(CheckInRuleException.MessageFor(CheckInRule.NoSuchAnswer), await Driver.RefusedAsync(couple.Partner, services => services.CheckIns.ReflectAsync(day, "Again")));

        await Driver.LeaveAsync(couple.Inviter);
        var archive = await Driver.ArchiveOfAsync(couple.Partner);
        Assert.Contains("\"removedByItsAuthor\": true", archive, StringComparison.Ordinal);
        Assert.Contains("Sam heard: you want slower days.", archive, StringComparison.Ordinal);
        Assert.Contains("Sam revealed: the quiet morning.", archive, StringComparison.Ordinal);
        foreach (var text in new[] { archive, await Driver.DownloadOfAsync(couple.Inviter), await Driver.DownloadOfAsync(couple.Partner) })
        {
            Assert.DoesNotContain("Whimbrel", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Sanderling", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARemovedReflectionGoesForBothAndTheAuthorsReplyToItStaysUnderARemovedLine()
    {
        var couple = await app.NewCoupleAsync();
        var day = await Driver.BothAnswerTodayAsync(couple, "Alex: the garden.", "Sam: the garden, and rain.");
        await Driver.OkAsync(couple.Partner, services => services.CheckIns.ReflectAsync(day, "Sam heard: Turnstone."));
        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.NotQuite, "Alex adds: the roses most."));

        await Driver.OkAsync(couple.Partner, services => services.CheckIns.RemoveReflectionAsync(day));

        var alexsView = (await Driver.TodaysQuestionAsync(couple.Inviter)).Revealed!;
        Assert.Null(alexsView.PartnersReflectionOnMe);
        Assert.True(alexsView.PartnersReflectionRemoved);
        Assert.Equal("Alex adds: the roses most.", alexsView.MyClarification);
        var samsView = (await Driver.TodaysQuestionAsync(couple.Partner)).Revealed!;
        Assert.Null(samsView.MyReflectionOnPartner);
        Assert.True(samsView.MyReflectionRemoved);

        await Driver.LeaveAsync(couple.Partner);
        var archive = await Driver.ArchiveOfAsync(couple.Inviter);
        Assert.Contains("\"reflectionRemovedByItsAuthor\": true", archive, StringComparison.Ordinal);
        Assert.Contains("Alex adds: the roses most.", archive, StringComparison.Ordinal);
        foreach (var text in new[] { archive, await Driver.DownloadOfAsync(couple.Partner) })
        {
            Assert.DoesNotContain("Turnstone", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NobodyCanTakeBackAnAnswerOrReflectionTheyDidNotWrite()
    {
        var couple = await app.NewCoupleAsync();
        var day = await Driver.BothAnswerTodayAsync(couple, "Alex stays: Knot.", "Sam stays: Stint.");
        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.ReflectAsync(day, "Alex heard: Stint indeed."));
        var strangers = await app.NewCoupleAsync();
        await Driver.AnswerTodayAsync(strangers.Inviter, "A stranger's own answer.");
        var before = await Driver.CheckInTables.SnapshotAsync(couple.CoupleId);

        // Sam has no reflection to remove (Alex wrote the only one); a stranger only ever reaches their own couple's day.
        await Driver.RefusedAsync(couple.Partner, services => services.CheckIns.RemoveReflectionAsync(day));
        await Driver.OkAsync(strangers.Inviter, services => services.CheckIns.TakeBackAnswerAsync(day));
        await Driver.RefusedAsync(strangers.Inviter, services => services.CheckIns.TakeBackAnswerAsync(day));
        await Driver.RefusedAsync(strangers.Partner, services => services.CheckIns.RemoveReflectionAsync(day));
        var loner = await Driver.NewPersonAsync("Loner");
        Assert.Equal(CheckInService.NotPairedMessage, await Driver.RefusedAsync(loner, services => services.CheckIns.TakeBackAnswerAsync(day)));

        Assert.Equal(before, await Driver.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Equal("Alex stays: Knot.", (await Driver.TodaysQuestionAsync(couple.Partner)).Revealed!.PartnerAnswer);
    }
}
