using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Story;
using CoupleConnect.Web.Infrastructure;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Story;

/// <summary>
/// The stranger helper applied to the story: a person from another couple, an unpaired person and the victim's former
/// partner see nothing of the victim couple's moments or sides on <c>/story</c> or from any story call, and every
/// change they aim at the victim's moments is refused and changes nothing.
/// </summary>
public sealed class StrangersSeeNoStory(UnthrottledAppFixture app, ITestOutputHelper output) : IClassFixture<UnthrottledAppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TheStoryPageShowsStrangersNoneOfTheVictimsMoments()
    {
        var (victim, _) = await VictimWithAStoryAsync();
        string[] routes = ["/story"];
        Assert.Subset(CoupleScopedRoutes.CoupleRoutes(victim).ToHashSet(), routes.ToHashSet());

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, routes);

        Assert.Equal(2 * routes.Length, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }

    [Fact]
    public async Task EveryStoryCallAimedAtTheVictimsMomentsIsRefusedShowsNothingAndChangesNothing()
    {
        var (victim, momentIds) = await VictimWithAStoryAsync();
        var before = await BothViewsAsync(victim);
        var strangers = await CoupleScopedRoutes.CreateStrangersAsync(_app);
        (string Who, TestPerson Person)[] everyone =
        [
            ("a stranger from another couple", strangers[0].Person),
            ("an unpaired user", strangers[1].Person),
            ("the victim's former partner (unpaired since)", victim.FormerPartner),
        ];

        foreach (var (who, person) in everyone)
        {
            foreach (var id in momentIds)
            {
                await using var scope = _app.AsUser(person);
                var story = scope.Get<StoryService>();
                var results = new (string Call, ServiceResult Result)[]
                {
                    ("Change", await story.ChangeAsync(id, new MomentForm { Title = "A stranger's title", Day = new DateOnly(2020, 1, 1) })),
                    ("TakeBack", await story.TakeBackAsync(id)),
                    ("WriteSide", await story.WriteSideAsync(id, "A stranger's memory")),
                    ("RemoveSide", await story.RemoveSideAsync(id)),
                };
                Assert.All(results, result => Assert.True(!result.Result.Succeeded, $"{who}: {result.Call} on moment {id} was accepted."));
                CoupleScopedRoutes.AssertNoSecrets(victim, who, JsonSerializer.Serialize(results.Select(result => result.Result.Error)));
            }
        }

        await CoupleScopedRoutes.AssertStrangersGetNothingFromServicesAsync(_app, victim, CoupleScopedRoutes.StoryProbes(victim with { StoryMomentIds = momentIds }));
        Assert.Equal(before, await BothViewsAsync(victim));
    }

    /// <summary>The shared victim couple, plus a moment by Marisol that Thaddeus answered and one by Thaddeus.</summary>
    private async Task<(VictimCouple Victim, IReadOnlyList<Guid> MomentIds)> VictimWithAStoryAsync()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var secrets = new[]
        {
            $"The lighthouse <b>weekend</b> {Guid.NewGuid():N}", $"We got lost on purpose {Guid.NewGuid():N}", $"early \"spring\" {Guid.NewGuid():N}"[..40],
            $"I remember the gulls {Guid.NewGuid():N}", $"Building the boat {Guid.NewGuid():N}",
        };
        var lighthouse = await _app.WriteMomentAsync(victim.Member, secrets[0], new DateOnly(2021, 4, 3), secrets[1], secrets[2], hardTime: true);
        await _app.StoryOkAsync(victim.Partner, story => story.WriteSideAsync(lighthouse, secrets[3]));
        var boat = await _app.WriteMomentAsync(victim.Partner, secrets[4], new DateOnly(2030, 6, 1));
        return (victim.With(secrets) with { StoryMomentIds = [lighthouse, boat] }, [lighthouse, boat]);
    }

    private async Task<string> BothViewsAsync(VictimCouple victim) =>
        JsonSerializer.Serialize(new[] { await _app.StoryViewAsync(victim.Member), await _app.StoryViewAsync(victim.Partner) });
}
