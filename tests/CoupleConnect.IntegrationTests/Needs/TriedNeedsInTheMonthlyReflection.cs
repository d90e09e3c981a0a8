using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Needs;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.IntegrationTests.Needs;

/// <summary>
/// The monthly reflection shows the needs being tried and asks each partner how it went: a short answer each, stored
/// (encrypted), shown to the partner once both answered. The clock: Sunday 7 March 2027, 11:00 Berlin, a session day.
/// </summary>
public sealed class TriedNeedsInTheMonthlyReflection(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private static readonly DateOnly Session = new(2027, 3, 7);

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task TheReflectionShowsOnlyTheNeedsBeingTriedAndStoresHowEachWentForEachPartner()
    {
        var couple = await app.NewCoupleAsync();
        var tried = await Driver.WriteNeedAsync(couple.Partner, "I feel close when we have breakfast together.");
        await Driver.WriteNeedAsync(couple.Partner, "I feel cared for when we plan the week on Sunday.");
        await Driver.NeedOkAsync(couple.Inviter, needs => needs.StartTryingAsync(tried));
        var reflection = await NeedsReflection.CreateAsync(Driver, couple);

        var before = Assert.Single((await Driver.ReflectionAsync(couple.Inviter, reflection, Session)).TriedNeeds);
        Assert.Equal(new ReflectionNeed(tried, "I feel close when we have breakfast together.", false, "Sam", null, null, false), before);

        await AnswerAsync(couple.Inviter, reflection, tried, "Four breakfasts this month. I liked it too.");
        var samSees = Assert.Single((await Driver.ReflectionAsync(couple.Partner, reflection, Session)).TriedNeeds);
        Assert.Equal((true, null, null, true), (samSees.MyNeed, samSees.MyAnswer, samSees.PartnerAnswer, samSees.PartnerAnswered)); // Sam knows Alex answered, not what

        await AnswerAsync(couple.Partner, reflection, tried, "It made the mornings gentle.");
        var alexSees = Assert.Single((await Driver.ReflectionAsync(couple.Inviter, reflection, Session)).TriedNeeds);
        samSees = Assert.Single((await Driver.ReflectionAsync(couple.Partner, reflection, Session)).TriedNeeds);
        Assert.Equal(("Four breakfasts this month. I liked it too.", "It made the mornings gentle."), (alexSees.MyAnswer, alexSees.PartnerAnswer));
        Assert.Equal(("It made the mornings gentle.", "Four breakfasts this month. I liked it too."), (samSees.MyAnswer, samSees.PartnerAnswer));

        // Answering again rewrites one's own answer; stopping trying later keeps the session's answers in it.
        await AnswerAsync(couple.Inviter, reflection, tried, "Four breakfasts. More, please.");
        await Driver.NeedOkAsync(couple.Inviter, needs => needs.StopTryingAsync(tried));
        var kept = Assert.Single((await Driver.ReflectionAsync(couple.Partner, reflection, Session)).TriedNeeds);
        Assert.Equal("Four breakfasts. More, please.", kept.PartnerAnswer);
    }

    [Fact]
    public async Task AnAnswerAboutANeedNotBeingTriedOrOutsideASessionIsRefusedAndNothingIsStored()
    {
        var couple = await app.NewCoupleAsync();
        var notTried = await Driver.WriteNeedAsync(couple.Partner, "I feel close when we garden.");
        var reflection = await NeedsReflection.CreateAsync(Driver, couple);
        var weekly = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Date night", Session, "19:30", DayOfWeek.Sunday));

        var refusals = new (string What, Web.Infrastructure.ServiceResult Result, string Expected)[]
        {
            ("a need nobody tries", await Answer(couple.Inviter, reflection, Session, notTried, "Fine."), NeedsInReflection.NotTriedMessage),
            ("an unknown need", await Answer(couple.Inviter, reflection, Session, Guid.NewGuid(), "Fine."), NeedsService.GoneMessage),
            ("another ritual", await Answer(couple.Inviter, weekly, Session, notTried, "Fine."), RitualOccurrencesService.NotAReflectionMessage),
            ("a day without a session", await Answer(couple.Inviter, reflection, Session.AddDays(-1), notTried, "Fine."), RitualOccurrencesService.NotAnOccurrenceMessage),
            ("a blank answer", await Answer(couple.Inviter, reflection, Session, notTried, " "), "Please write your answer first."),
        };

        Assert.All(refusals, refusal => Assert.True(refusal.Result.Error == refusal.Expected, $"{refusal.What}: {refusal.Result.Error ?? "accepted"}"));
        Assert.Empty((await Driver.ReflectionAsync(couple.Inviter, reflection, Session)).TriedNeeds);
    }

    private async Task AnswerAsync(TestPerson person, Guid reflection, Guid needId, string text)
    {
        var result = await Answer(person, reflection, Session, needId, text);
        Assert.True(result.Succeeded, result.Error);
    }

    private Task<Web.Infrastructure.ServiceResult> Answer(TestPerson person, Guid ritualId, DateOnly day, Guid needId, string text) =>
        Driver.OccurrencesAsync(person, occurrences => occurrences.WriteNeedAnswerAsync(ritualId, day, needId, text));
}
