using System.Text.Json;
using CoupleConnect.Domain.Goals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Goals;
using CoupleConnect.Web.Infrastructure;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Goals;

/// <summary>
/// The stranger helper applied to goals: a person from another couple, an unpaired person and the victim's former
/// partner see nothing of the victim couple's goals on <c>/goals</c> (or the monthly reflection that shows them) or from
/// any goals call, and every change they aim at the victim's goals and check-ins is refused and changes nothing.
/// </summary>
public sealed class StrangersSeeNoGoals(UnthrottledAppFixture app, ITestOutputHelper output) : IClassFixture<UnthrottledAppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TheGoalsPagesShowStrangersNoneOfTheVictimsGoals()
    {
        var (victim, _, _) = await VictimWithGoalsAsync();
        string[] routes = ["/goals", $"/rituals/{victim.RitualIds[1]}/reflection/{victim.ReflectionDay:yyyy-MM-dd}"];
        Assert.Subset(CoupleScopedRoutes.CoupleRoutes(victim).ToHashSet(), routes.ToHashSet());

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, routes);

        Assert.Equal(2 * routes.Length, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }

    [Fact]
    public async Task EveryGoalsCallAimedAtTheVictimsGoalsIsRefusedShowsNothingAndChangesNothing()
    {
        var (victim, goalId, noteId) = await VictimWithGoalsAsync();
        var before = await BothViewsAsync(victim);
        var strangers = await CoupleScopedRoutes.CreateStrangersAsync(_app);

        foreach (var (who, person) in strangers.Append(("the victim's former partner (unpaired since)", victim.FormerPartner)))
        {
            await using var scope = _app.AsUser(person);
            var goals = scope.Get<GoalsService>();
            var results = new (string Call, ServiceResult Result)[]
            {
                ("Change", await goals.ChangeAsync(goalId, new GoalInput { Name = "A stranger's goal" })),
                ("Keep", await goals.KeepAsync(goalId)),
                ("MarkDone", await goals.MarkDoneAsync(goalId)),
                ("LetGo", await goals.LetGoAsync(goalId)),
                ("CheckIn", await goals.CheckInAsync(goalId, "A stranger's check-in")),
                ("DeleteNote", await goals.DeleteNoteAsync(noteId)),
            };
            Assert.All(results, result => Assert.True(!result.Result.Succeeded, $"{who}: {result.Call} was accepted."));
            CoupleScopedRoutes.AssertNoSecrets(victim, who, JsonSerializer.Serialize(results.Select(result => result.Result.Error)));
            CoupleScopedRoutes.AssertNoSecrets(victim, $"{who}: GoalsService.GetAsync", JsonSerializer.Serialize(await goals.GetAsync()));
        }

        Assert.Equal(before, await BothViewsAsync(victim));
    }

    /// <summary>The shared victim couple, with a goal of Marisol's (a secret name and why) and a check-in of Thaddeus's.</summary>
    private async Task<(VictimCouple Victim, Guid GoalId, Guid NoteId)> VictimWithGoalsAsync()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (name, why, note) = ($"Sail to Tobermory {suffix}", $"The <b>puffins</b> {suffix}", $"Bought the charts {suffix}");
        var goalId = await _app.SetGoalAsync(victim.Member, name, why, GoalRhythm.Weekly);
        var noteId = await _app.CheckInAsync(victim.Partner, goalId, note);
        return (victim.With(name, why, note), goalId, noteId);
    }

    private async Task<string> BothViewsAsync(VictimCouple victim) =>
        JsonSerializer.Serialize(new[] { await _app.GoalsViewAsync(victim.Member), await _app.GoalsViewAsync(victim.Partner) });
}
