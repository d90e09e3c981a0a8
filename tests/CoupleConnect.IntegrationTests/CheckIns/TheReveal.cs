using System.Text.Json;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.CheckIns;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// Each partner answers privately; until you have answered you learn only THAT your partner answered. Once both have
/// answered both see both, and the answers are locked. Then the reflect-back loop and hearts, through the services.
/// </summary>
public sealed class TheReveal(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Locked = CheckInRuleException.MessageFor(CheckInRule.AnswerLocked);
    private static readonly string NotRevealedYet = CheckInRuleException.MessageFor(CheckInRule.NotRevealedYet);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task NeitherSeesTheOthersAnswerUntilBothHaveAnswered()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var alexsAnswer = $"The note you left on the fridge {Guid.NewGuid():N}";
        var samsAnswer = $"Dancing in the kitchen {Guid.NewGuid():N}";

        var alexBefore = await _app.TodaysQuestionAsync(alex);
        Assert.Equal((CheckInState.NotAnswered, false, null, null), (alexBefore.State, alexBefore.PartnerHasAnswered, alexBefore.MyAnswer, alexBefore.Revealed));
        var day = alexBefore.Day;

        await _app.AnswerAsync(alex, day, alexsAnswer);

        var alexWaiting = await DayAsync(alex, day);
        Assert.Equal((CheckInState.WaitingForPartner, false, alexsAnswer, false), (alexWaiting.State, alexWaiting.PartnerHasAnswered, alexWaiting.MyAnswer, alexWaiting.IsRevealed));
        Assert.Null(alexWaiting.Revealed);

        // Sam learns that Alex answered, and nothing of what Alex wrote: not in any property, not in history.
        var samSees = await DayAsync(sam, day);
        Assert.Equal((CheckInState.NotAnswered, true, null, false, null), (samSees.State, samSees.PartnerHasAnswered, samSees.MyAnswer, samSees.IsRevealed, samSees.Revealed));
        AssertNotIn(alexsAnswer, JsonSerializer.Serialize(samSees), "Sam's model of the day");
        AssertNotIn(alexsAnswer, JsonSerializer.Serialize(await _app.TodaysQuestionAsync(sam)), "Sam's model of today");
        await using (var asSam = _app.AsUser(sam))
        {
            AssertNotIn(alexsAnswer, JsonSerializer.Serialize(await asSam.CheckIns.GetHistoryAsync(1)), "Sam's history");
        }

        // Until the reveal Alex may change his mind, as often as he likes; it stays one answer.
        var edited = alexsAnswer + " (and the coffee)";
        await _app.AnswerAsync(alex, day, edited);
        Assert.Equal(edited, (await DayAsync(alex, day)).MyAnswer);
        Assert.Single(await _app.CheckInTables.AnswersAsync(couple.CoupleId));
        AssertNotIn(edited, JsonSerializer.Serialize(await DayAsync(sam, day)), "Sam's model after Alex's edit");

        await _app.AnswerAsync(sam, day, samsAnswer);

        var alexAfter = await DayAsync(alex, day);
        var samAfter = await DayAsync(sam, day);
        Assert.Equal((CheckInState.Revealed, edited, samsAnswer), (alexAfter.State, alexAfter.MyAnswer, alexAfter.Revealed?.PartnerAnswer));
        Assert.Equal((CheckInState.Revealed, samsAnswer, edited), (samAfter.State, samAfter.MyAnswer, samAfter.Revealed?.PartnerAnswer));
        Assert.False(alexAfter.IsOpen); // nothing left to write for the day: it is shared now
    }

    [Fact]
    public async Task AfterTheRevealAnswersAreLockedForBoth()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, "Alex's first words", "Sam's first words");
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);

        foreach (var (person, attempt) in new[] { (couple.Inviter, "Alex rewrites history"), (couple.Partner, "Sam rewrites history") })
        {
            await using var scope = _app.AsUser(person);
            var refused = await scope.CheckIns.AnswerAsync(day, attempt);
            Assert.Equal(Locked, refused.Error);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Equal(("Alex's first words", "Sam's first words"), ((await DayAsync(couple.Inviter, day)).MyAnswer, (await DayAsync(couple.Partner, day)).MyAnswer));
    }

    [Fact]
    public async Task ReflectingBackRoundTripsThroughBothPartners()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var day = await _app.BothAnswerTodayAsync(couple, "I felt cared for when you waited for me at the station.", "Your laugh at breakfast.");

        // Sam reflects back Alex's answer; Alex says "That's it" without a note.
        await using (var asSam = _app.AsUser(sam))
        {
            var reflected = await asSam.CheckIns.ReflectAsync(day, "It mattered that I was there when you arrived.");
            Assert.True(reflected.Succeeded, reflected.Error);
        }

        var alexSeesReflection = (await DayAsync(alex, day)).Revealed!;
        Assert.Equal("It mattered that I was there when you arrived.", alexSeesReflection.PartnersReflectionOnMe);
        Assert.Null(alexSeesReflection.MyVerdictOnPartnersReflection);
        Assert.Null(alexSeesReflection.MyReflectionOnPartner);
        Assert.Null((await DayAsync(sam, day)).Revealed!.PartnersVerdictOnMyReflection);

        await using (var asAlex = _app.AsUser(alex))
        {
            var confirmed = await asAlex.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.ThatsIt, "   ");
            Assert.True(confirmed.Succeeded, confirmed.Error);
        }

        var samSeesVerdict = (await DayAsync(sam, day)).Revealed!;
        Assert.Equal(("It mattered that I was there when you arrived.", ReflectionVerdict.ThatsIt, (string?)null), (samSeesVerdict.MyReflectionOnPartner, samSeesVerdict.PartnersVerdictOnMyReflection, samSeesVerdict.PartnersClarification));
        Assert.Equal(ReflectionVerdict.ThatsIt, (await DayAsync(alex, day)).Revealed!.MyVerdictOnPartnersReflection);

        // Once Alex has responded, Sam's reflection is settled.
        var settled = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);
        await using (var asSam = _app.AsUser(sam))
        {
            Assert.Equal(CheckInRuleException.MessageFor(CheckInRule.ReflectionAlreadyConfirmed), (await asSam.CheckIns.ReflectAsync(day, "A second try")).Error);
        }

        Assert.Equal(settled, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));

        // The other direction: Alex reflects Sam's answer; Sam says "Not quite" and clarifies; Alex sees both.
        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.True((await asAlex.CheckIns.ReflectAsync(day, "You like mornings with me.")).Succeeded);
        }

        await using (var asSam = _app.AsUser(sam))
        {
            var notQuite = await asSam.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.NotQuite, "It's your laugh, not the morning.");
            Assert.True(notQuite.Succeeded, notQuite.Error);
        }

        var alexSees = (await DayAsync(alex, day)).Revealed!;
        Assert.Equal(("You like mornings with me.", ReflectionVerdict.NotQuite, "It's your laugh, not the morning."), (alexSees.MyReflectionOnPartner, alexSees.PartnersVerdictOnMyReflection, alexSees.PartnersClarification));
        var samSees = (await DayAsync(sam, day)).Revealed!;
        Assert.Equal(("You like mornings with me.", ReflectionVerdict.NotQuite, "It's your laugh, not the morning."), (samSees.PartnersReflectionOnMe, samSees.MyVerdictOnPartnersReflection, samSees.MyClarification));

        // After "Not quite" Alex may say it back again: the new try waits for a new response, the clarification stays.
        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.True((await asAlex.CheckIns.ReflectAsync(day, "It's my laugh you love.")).Succeeded);
        }

        var secondTry = (await DayAsync(sam, day)).Revealed!;
        Assert.Equal(("It's my laugh you love.", (ReflectionVerdict?)null, "It's your laugh, not the morning."), (secondTry.PartnersReflectionOnMe, secondTry.MyVerdictOnPartnersReflection, secondTry.MyClarification));

        var rows = await _app.CheckInTables.AnswersAsync(couple.CoupleId);
        Assert.Equal(nameof(ReflectionVerdict.ThatsIt), rows.Single(row => row.AuthorId == alex.Id).Verdict);
        Assert.Null(rows.Single(row => row.AuthorId == alex.Id).Clarification); // a blank note is no note
        Assert.Null(rows.Single(row => row.AuthorId == sam.Id).Verdict);
    }

    [Fact]
    public async Task AHeartOnThePartnersAnswerTogglesAndEachSeesTheirSide()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var day = await _app.BothAnswerTodayAsync(couple, "Alex's answer", "Sam's answer");

        await ToggleHeartAsync(alex, day);

        Assert.Equal((true, false), ((await DayAsync(alex, day)).Revealed!.IHeartedPartnersAnswer, (await DayAsync(alex, day)).Revealed!.PartnerHeartedMyAnswer));
        Assert.Equal((false, true), ((await DayAsync(sam, day)).Revealed!.IHeartedPartnersAnswer, (await DayAsync(sam, day)).Revealed!.PartnerHeartedMyAnswer));
        var rows = await _app.CheckInTables.AnswersAsync(couple.CoupleId);
        Assert.True(rows.Single(row => row.AuthorId == sam.Id).HeartedByPartner);
        Assert.False(rows.Single(row => row.AuthorId == alex.Id).HeartedByPartner);

        await ToggleHeartAsync(sam, day);
        await ToggleHeartAsync(alex, day); // takes it back

        Assert.Equal((false, true), ((await DayAsync(alex, day)).Revealed!.IHeartedPartnersAnswer, (await DayAsync(alex, day)).Revealed!.PartnerHeartedMyAnswer));
        Assert.Equal((true, false), ((await DayAsync(sam, day)).Revealed!.IHeartedPartnersAnswer, (await DayAsync(sam, day)).Revealed!.PartnerHeartedMyAnswer));
    }

    [Fact]
    public async Task HeartsAndReflectionsWaitForTheReveal()
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.AnswerTodayAsync(couple.Inviter, "Only Alex has answered")).Day;
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);

        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            await using var scope = _app.AsUser(person);
            Assert.Equal(NotRevealedYet, (await scope.CheckIns.ReflectAsync(day, "My paraphrase")).Error);
            Assert.Equal(NotRevealedYet, (await scope.CheckIns.ToggleHeartAsync(day)).Error);
            Assert.Equal(NotRevealedYet, (await scope.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.ThatsIt, null)).Error);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.All(await _app.CheckInTables.AnswersAsync(couple.CoupleId), row => Assert.Null(row.ReflectionText));
    }

    private async Task<CheckInDay> DayAsync(TestPerson person, DateOnly day)
    {
        await using var scope = _app.AsUser(person);
        var model = await scope.CheckIns.GetDayAsync(day);
        Assert.NotNull(model);
        return model;
    }

    private async Task ToggleHeartAsync(TestPerson person, DateOnly day)
    {
        await using var scope = _app.AsUser(person);
        var toggled = await scope.CheckIns.ToggleHeartAsync(day);
        Assert.True(toggled.Succeeded, toggled.Error);
    }

    private static void AssertNotIn(string secret, string text, string where) =>
        Assert.False(CoupleScopedRoutes.Shows(text, secret) || text.Contains(secret[..20], StringComparison.OrdinalIgnoreCase), $"{where} contains the partner's unrevealed answer: {text}");
}
