using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Dashboard;

namespace CoupleConnect.IntegrationTests.Dashboard;

/// <summary>
/// The shared dashboard's read model on a real database, as each partner sees it: today's question for both, tonight's
/// gratitude for both, and the latest entries both ways, newest first. Weeks and the streak are in <see cref="WeeksAndStreak"/>.
/// </summary>
public sealed class DashboardReadModel(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TodaysQuestionReadsNotAnsweredThenAnsweredThenRevealedForBoth()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var day = (await _app.TodaysQuestionAsync(alex)).Day;
        Assert.Equal(day, (await _app.DashboardAsync(alex)).Today);
        await AssertQuestionAsync(alex, QuestionStatus.NotAnswered, QuestionStatus.NotAnswered);

        await _app.AnswerAsync(alex, day, "The tea.");

        await AssertQuestionAsync(alex, QuestionStatus.Answered, QuestionStatus.NotAnswered);
        await AssertQuestionAsync(sam, QuestionStatus.NotAnswered, QuestionStatus.Answered);

        await _app.AnswerAsync(sam, day, "The walk.");

        await AssertQuestionAsync(alex, QuestionStatus.Revealed, QuestionStatus.Revealed);
        await AssertQuestionAsync(sam, QuestionStatus.Revealed, QuestionStatus.Revealed);
    }

    [Fact]
    public async Task TonightsGratitudeIsFlaggedForWhoeverWroteItAndOnlyForThem()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await AssertThankedAsync(alex, me: false, partner: false);

        // A positive of kind gratitude from the "notice something" card is not tonight's gratitude.
        await _app.LogPositiveAsync(sam, PositiveKind.Gratitude, "Thanks for the lift.");
        await AssertThankedAsync(sam, me: false, partner: false);

        await _app.WriteGratitudeAsync(sam, "You listened after a long day.");

        await AssertThankedAsync(sam, me: true, partner: false);
        await AssertThankedAsync(alex, me: false, partner: true);
        Assert.True(await WroteGratitudeTodayAsync(sam));
        Assert.False(await WroteGratitudeTodayAsync(alex));

        await _app.WriteGratitudeAsync(alex, "You made dinner.");

        await AssertThankedAsync(alex, me: true, partner: true);
        await AssertThankedAsync(sam, me: true, partner: true);
    }

    [Fact]
    public async Task TheLatestEntriesGoBothWaysNewestFirstWithWhoWroteThem()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var today = (await _app.DashboardAsync(alex)).Today;
        var other = await _app.PairNewAsync("Robin", "Noor");

        var first = await _app.LogPositiveAsync(alex, PositiveKind.KindWord, "Your voice on the phone.");
        var second = await _app.WriteGratitudeAsync(sam, "You fixed the bike.");
        await _app.LogPositiveAsync(other.Inviter, PositiveKind.Help, "Another couple's note.");
        var third = await _app.LogPositiveAsync(alex, PositiveKind.Help, day: today.AddDays(-3)); // about an earlier day, logged last

        var alexSees = (await _app.DashboardAsync(alex)).Latest;
        var samSees = (await _app.DashboardAsync(sam)).Latest;

        Assert.Equal([third.Id, second.Id, first.Id], alexSees.Select(entry => entry.Id));
        Assert.Equal([third.Id, second.Id, first.Id], samSees.Select(entry => entry.Id));
        Assert.Equal([true, false, true], alexSees.Select(entry => entry.ByMe));
        Assert.Equal([false, true, false], samSees.Select(entry => entry.ByMe));
        Assert.Equal([false, true, false], alexSees.Select(entry => entry.CanAcknowledge));
        Assert.Equal([true, false, true], samSees.Select(entry => entry.CanAcknowledge));

        var (help, gratitude, kindWord) = (samSees[0], samSees[1], samSees[2]);
        Assert.Equal((PositiveKind.Help, (string?)null, today.AddDays(-3), false), (help.Kind, help.Note, help.Day, help.IsEveningGratitude));
        Assert.Equal((PositiveKind.Gratitude, "You fixed the bike.", today, true), (gratitude.Kind, gratitude.Note, gratitude.Day, gratitude.IsEveningGratitude));
        Assert.Equal((PositiveKind.KindWord, "Your voice on the phone.", today, false), (kindWord.Kind, kindWord.Note, kindWord.Day, kindWord.IsEveningGratitude));
        Assert.All(samSees, entry => Assert.Null(entry.AcknowledgedAt));
    }

    [Fact]
    public async Task OnlyTheNewestEntriesAreShown()
    {
        var couple = await _app.PairNewAsync();
        var logged = new List<Guid>();
        for (var i = 0; i <= DashboardView.LatestCount; i++)
        {
            var author = i % 2 == 0 ? couple.Inviter : couple.Partner;
            logged.Add((await _app.LogPositiveAsync(author, PositiveKind.Affection, $"Entry {i}")).Id);
        }

        var latest = (await _app.DashboardAsync(couple.Partner)).Latest;

        Assert.Equal(DashboardView.LatestCount, latest.Count);
        Assert.Equal(logged.AsEnumerable().Reverse().Take(DashboardView.LatestCount), latest.Select(entry => entry.Id));
        Assert.DoesNotContain(logged[0], latest.Select(entry => entry.Id));
    }

    [Fact]
    public async Task AnUnpairedPersonAndOneWhosePartnerLeftHaveNoDashboard()
    {
        var loner = await _app.NewPersonAsync("Loner");
        var couple = await _app.PairNewAsync();
        await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help, "Before the goodbye.");
        await _app.LeaveAsync(couple.Partner);

        foreach (var person in new[] { loner, couple.Inviter, couple.Partner })
        {
            await using var scope = _app.AsUser(person);
            Assert.Null(await scope.Dashboard.GetAsync());
        }

        await using var signedOut = _app.SignedOut();
        Assert.Null(await signedOut.Dashboard.GetAsync());
    }

    private async Task AssertQuestionAsync(TestPerson person, QuestionStatus mine, QuestionStatus partners)
    {
        var view = await _app.DashboardAsync(person);
        Assert.True((mine, partners) == (view.MyQuestion, view.PartnersQuestion), $"{person.DisplayName} sees ({view.MyQuestion}, {view.PartnersQuestion}), expected ({mine}, {partners}).");
    }

    private async Task AssertThankedAsync(TestPerson person, bool me, bool partner)
    {
        var view = await _app.DashboardAsync(person);
        Assert.True((me, partner) == (view.IThankedToday, view.PartnerThankedToday), $"{person.DisplayName} sees thanked ({view.IThankedToday}, {view.PartnerThankedToday}), expected ({me}, {partner}).");
    }

    private async Task<bool> WroteGratitudeTodayAsync(TestPerson person)
    {
        await using var scope = _app.AsUser(person);
        return await scope.Positives.WroteGratitudeTodayAsync();
    }
}
