using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// Either partner may swap today's question once a day for the couple, and only while neither has answered: nothing
/// anyone wrote is dropped or filed under a question they never saw. The swap follows the couple's topics, and it
/// is always the signed-in person's own couple that is swapped.
/// </summary>
public sealed class SwappingTodaysQuestion(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task EitherPartnerCanSwapTodaysQuestionOnceAndBothThenSeeTheNewOne()
    {
        var couple = await _app.PairNewAsync();
        var before = await _app.TodaysQuestionAsync(couple.Partner);
        Assert.Equal(SwapStatus.Available, before.Swap);

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            var swapped = await asSam.CheckIns.SwapTodayAsync();
            Assert.True(swapped.Succeeded, swapped.Error);
        }

        var alexSees = await _app.TodaysQuestionAsync(couple.Inviter);
        var samSees = await _app.TodaysQuestionAsync(couple.Partner);
        Assert.NotEqual(before.QuestionId, alexSees.QuestionId);
        Assert.Equal((alexSees.QuestionId, alexSees.QuestionText), (samSees.QuestionId, samSees.QuestionText));
        Assert.Equal(SwapStatus.AlreadySwapped, alexSees.Swap);
        Assert.Equal(before.QuestionId, await _app.CheckInTables.SwappedQuestionIdAsync(couple.CoupleId, before.Day));
        Assert.Equal(alexSees.QuestionId, Assert.Single(await _app.CheckInTables.DailyQuestionsAsync(couple.CoupleId)).QuestionId);

        // The other partner's swap is the couple's second that day: refused, and the question stays.
        await using var asAlex = _app.AsUser(couple.Inviter);
        var again = await asAlex.CheckIns.SwapTodayAsync();
        Assert.False(again.Succeeded);
        Assert.Equal(CheckInRuleException.MessageFor(CheckInRule.AlreadySwappedToday), again.Error);
        Assert.Equal(alexSees.QuestionId, (await _app.TodaysQuestionAsync(couple.Partner)).QuestionId);
    }

    [Fact]
    public async Task OnceEitherPartnerHasAnsweredTheSwapIsRefusedAndTheAnswerStaysWithItsQuestion()
    {
        var couple = await _app.PairNewAsync();
        var answered = await _app.AnswerTodayAsync(couple.Inviter, "The tea you left by my bed this morning.");
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);

        foreach (var person in new[] { couple.Partner, couple.Inviter })
        {
            await using var services = _app.AsUser(person);
            var refused = await services.CheckIns.SwapTodayAsync();
            Assert.False(refused.Succeeded, $"{person.DisplayName} swapped a question that had an answer.");
            Assert.Equal(CheckInRuleException.MessageFor(CheckInRule.SwapAfterAnAnswer), refused.Error);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        var samSees = await _app.TodaysQuestionAsync(couple.Partner);
        Assert.Equal((answered.QuestionId, SwapStatus.AlreadyAnswered, true), (samSees.QuestionId, samSees.Swap, samSees.PartnerHasAnswered));
        Assert.Equal("The tea you left by my bed this morning.", (await _app.TodaysQuestionAsync(couple.Inviter)).MyAnswer);
    }

    [Fact]
    public async Task AnAnswerWrittenToAQuestionSwappedMeanwhileIsRefusedNotFiledUnderTheNewQuestion()
    {
        var couple = await _app.PairNewAsync();
        var alexSaw = await _app.TodaysQuestionAsync(couple.Inviter);
        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.True((await asSam.CheckIns.SwapTodayAsync()).Succeeded);
        }

        await using var asAlex = _app.AsUser(couple.Inviter);
        var late = await asAlex.CheckIns.AnswerAsync(alexSaw.Day, "Words for the old question", alexSaw.QuestionId);

        Assert.False(late.Succeeded);
        Assert.Equal(CheckInRuleException.MessageFor(CheckInRule.QuestionChanged), late.Error);
        Assert.Empty(await _app.CheckInTables.AnswersAsync(couple.CoupleId));

        var now = await asAlex.CheckIns.GetTodayAsync();
        Assert.True((await asAlex.CheckIns.AnswerAsync(alexSaw.Day, "Words for the new question", now!.QuestionId)).Succeeded);
        Assert.Single(await _app.CheckInTables.AnswersAsync(couple.CoupleId));
    }

    [Fact]
    public async Task TheSwapFollowsTheTopicsTheCoupleChose()
    {
        // Several couples: one swap could land on the topic by chance, five in a row would not.
        for (var round = 1; round <= 5; round++)
        {
            var couple = await _app.PairNewAsync($"Alex {round}", $"Sam {round}");
            await using var asAlex = _app.AsUser(couple.Inviter);
            var preferences = asAlex.Get<QuestionPreferencesService>();
            Assert.True((await preferences.SetTopicsAsync([QuestionCategory.Intimacy])).Succeeded);
            Assert.Equal([QuestionCategory.Intimacy], (await preferences.GetAsync())!.Topics);

            Assert.True((await asAlex.CheckIns.SwapTodayAsync()).Succeeded);

            var today = await _app.TodaysQuestionAsync(couple.Partner);
            Assert.True(today.Category == QuestionCategory.Intimacy, $"Round {round}: the swap gave a {today.Category} question.");
        }
    }

    [Fact]
    public async Task ThePartnersOpenPageHearsOfTheSwap()
    {
        var couple = await _app.PairNewAsync();
        await using var asAlex = _app.AsUser(couple.Inviter);
        var heard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = await asAlex.CheckIns.SubscribeAsync(change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.True((await asSam.CheckIns.SwapTodayAsync()).Succeeded);
        }

        Assert.Equal(CoupleChange.CheckInSwapped, await heard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SomeoneOutsideTheCoupleCannotSwapItsQuestion()
    {
        var victim = await _app.PairNewAsync();
        var victimsQuestion = await _app.TodaysQuestionAsync(victim.Inviter);
        var before = await _app.CheckInTables.SnapshotAsync(victim.CoupleId);
        var stranger = await _app.PairNewAsync();
        var loner = await _app.NewPersonAsync("Loner");

        await using (var asStranger = _app.AsUser(stranger.Inviter))
        {
            Assert.True((await asStranger.CheckIns.SwapTodayAsync()).Succeeded); // their own couple's question, not the victim's
        }

        await using (var asLoner = _app.AsUser(loner))
        {
            var refused = await asLoner.CheckIns.SwapTodayAsync();
            Assert.Equal(CheckInService.NotPairedMessage, refused.Error);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(victim.CoupleId));
        Assert.NotNull(await _app.CheckInTables.SwappedQuestionIdAsync(stranger.CoupleId, victimsQuestion.Day));
        await using var asVictim = _app.AsUser(victim.Partner);
        Assert.True((await asVictim.CheckIns.SwapTodayAsync()).Succeeded, "The victim couple's own swap was used up by someone else.");
    }
}
