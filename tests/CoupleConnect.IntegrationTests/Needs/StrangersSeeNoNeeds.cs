using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Needs;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Needs;

/// <summary>
/// The stranger helper applied to needs: a person from another couple, an unpaired person and the victim's former
/// partner see nothing of the victim's needs on <c>/needs</c> or from any needs call, and every change they aim at the
/// victim's needs is refused and changes nothing. The victim's needs are made by <see cref="CoupleScopedRoutes.CreateVictimAsync"/>.
/// </summary>
public sealed class StrangersSeeNoNeeds(UnthrottledAppFixture app, ITestOutputHelper output) : IClassFixture<UnthrottledAppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TheNeedsPageShowsStrangersNoneOfTheVictimsNeeds()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        string[] routes = ["/needs", $"/rituals/{victim.RitualIds[1]}/reflection/{victim.ReflectionDay:yyyy-MM-dd}"];
        Assert.Subset(CoupleScopedRoutes.CoupleRoutes(victim).ToHashSet(), routes.ToHashSet());

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, routes);

        Assert.Equal(2 * routes.Length, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }

    [Fact]
    public async Task EveryNeedsCallAimedAtTheVictimsNeedsIsRefusedShowsNothingAndChangesNothing()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var before = await BothViewsAsync(victim);
        var strangers = await CoupleScopedRoutes.CreateStrangersAsync(_app);
        (string Who, TestPerson Person, IReadOnlyList<Guid> NeedIds)[] everyone =
        [
            ("a stranger from another couple", strangers[0].Person, victim.NeedIds),
            ("an unpaired user", strangers[1].Person, victim.NeedIds),
            ("the victim's former partner (unpaired since)", victim.FormerPartner, victim.NeedIds),
            ("the victim, about the former couple's need", victim.Member, [victim.NeedIds[3]]),
            ("the victim's partner, about the former couple's need", victim.Partner, [victim.NeedIds[3]]),
        ];

        foreach (var (who, person, needIds) in everyone)
        {
            foreach (var id in needIds)
            {
                await using var scope = _app.AsUser(person);
                var needs = scope.Get<NeedsService>();
                var results = new (string Call, ServiceResult Result)[]
                {
                    ("StartTrying", await needs.StartTryingAsync(id)),
                    ("StopTrying", await needs.StopTryingAsync(id)),
                    ("Revise", await needs.ReviseAsync(id, "A stranger's words")),
                    ("TakeOff", await needs.TakeOffAsync(id)),
                    ("DeleteForGood", await needs.DeleteForGoodAsync(id)),
                    ("WriteNeedAnswer", await scope.Get<RitualOccurrencesService>().WriteNeedAnswerAsync(victim.RitualIds[1], victim.ReflectionDay, id, "A stranger's answer")),
                };
                Assert.All(results, result => Assert.True(!result.Result.Succeeded, $"{who}: {result.Call} on need {id} was accepted."));
                CoupleScopedRoutes.AssertNoSecrets(victim, who, JsonSerializer.Serialize(results.Select(result => result.Result.Error)));
            }
        }

        await CoupleScopedRoutes.AssertStrangersGetNothingFromServicesAsync(_app, victim, CoupleScopedRoutes.NeedProbes(victim));
        Assert.Equal(before, await BothViewsAsync(victim));
    }

    private async Task<string> BothViewsAsync(VictimCouple victim) =>
        JsonSerializer.Serialize(new[] { await _app.NeedsViewAsync(victim.Member), await _app.NeedsViewAsync(victim.Partner) });
}
