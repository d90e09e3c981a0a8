using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.CheckIns;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// One question per couple per local day, chosen on demand and stored: both partners see the same one, even when
/// they open it at the same instant (the unique index on (couple_id, day) decides, and the loser reads the winner's).
/// </summary>
public sealed class BothSeeTheSameQuestion(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Rounds = 20;

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task BothPartnersSeeTheSameQuestionForTheSameDay()
    {
        // Alex (Berlin) invited, so the couple's home zone is Berlin; Sam's own zone (New York) doesn't change the day.
        var couple = await _app.PairNewAsync();

        var alexSees = await _app.TodaysQuestionAsync(couple.Inviter);
        var samSees = await _app.TodaysQuestionAsync(couple.Partner);
        var alexAgain = await _app.TodaysQuestionAsync(couple.Inviter);

        Assert.Equal((alexSees.Day, alexSees.QuestionText, alexSees.Category), (samSees.Day, samSees.QuestionText, samSees.Category));
        Assert.Equal(alexSees.QuestionText, alexAgain.QuestionText);
        Assert.True(alexSees.IsToday && samSees.IsToday && alexSees.IsOpen);
        Assert.Equal((couple.Partner.DisplayName, couple.Inviter.DisplayName), (alexSees.PartnerName, samSees.PartnerName));
        Assert.False(string.IsNullOrWhiteSpace(alexSees.QuestionText));
        var row = Assert.Single(await _app.CheckInTables.DailyQuestionsAsync(couple.CoupleId));
        Assert.Equal(alexSees.Day, row.Day);
    }

    [Fact]
    public async Task OpeningTodaysQuestionAtTheSameMomentMakesExactlyOne()
    {
        var outcomes = new List<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            var couple = await _app.PairNewAsync($"Alex {round}", $"Sam {round}");
            await using var asAlex = _app.AsUser(couple.Inviter);
            await using var asSam = _app.AsUser(couple.Partner);
            var (alexsCheckIns, samsCheckIns) = (asAlex.CheckIns, asSam.CheckIns);

            var (alexSees, samSees) = await Simultaneously.RunAsync(() => alexsCheckIns.GetTodayAsync(), () => samsCheckIns.GetTodayAsync());

            Assert.NotNull(alexSees);
            Assert.NotNull(samSees);
            Assert.Equal((alexSees.Day, alexSees.QuestionText), (samSees.Day, samSees.QuestionText));
            var rows = await _app.CheckInTables.DailyQuestionsAsync(couple.CoupleId);
            Assert.True(rows.Count == 1, $"Round {round}: {rows.Count} daily questions for one couple and day.");
            Assert.Equal(alexSees.Day, rows[0].Day);
            outcomes.Add(alexSees.QuestionText);
        }

        output.WriteLine($"{Rounds} rounds, one question each; questions asked: {outcomes.Distinct(StringComparer.Ordinal).Count()} distinct.");
    }

    [Fact]
    public async Task AnsweringAtTheSameMomentBeforeAnyoneOpenedItAlsoMakesOneAndRevealsBoth()
    {
        for (var round = 1; round <= Rounds / 2; round++)
        {
            var fresh = await _app.PairNewAsync($"Robin {round}", $"Noor {round}"); // nobody has opened today's question yet
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Berlin")); // Robin's zone is the home zone
            await using var asRobin = _app.AsUser(fresh.Inviter);
            await using var asNoor = _app.AsUser(fresh.Partner);
            var (robinsCheckIns, noorsCheckIns) = (asRobin.CheckIns, asNoor.CheckIns);

            var (robin, noor) = await Simultaneously.RunAsync(() => robinsCheckIns.AnswerAsync(today, "Robin's words"), () => noorsCheckIns.AnswerAsync(today, "Noor's words"));

            Assert.True(robin.Succeeded && noor.Succeeded, $"Round {round}: [{robin.Error ?? "ok"}] and [{noor.Error ?? "ok"}].");
            Assert.Single(await _app.CheckInTables.DailyQuestionsAsync(fresh.CoupleId));
            Assert.Equal(2, (await _app.CheckInTables.AnswersAsync(fresh.CoupleId)).Count);
            await using var robinLater = _app.AsUser(fresh.Inviter);
            Assert.Equal("Noor's words", (await robinLater.CheckIns.GetTodayAsync())?.Revealed?.PartnerAnswer);
        }
    }
}
