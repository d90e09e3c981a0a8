using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Temperature;

/// <summary>
/// The stranger helper applied to the weekly temperature: a person from another couple, an unpaired person and the
/// victim's former partner see none of the victim couple's answers on <c>/temperature</c> or on the home page's card.
/// The victim's answers are made by <see cref="CoupleScopedRoutes.CreateVictimAsync"/> (both answered this week).
/// </summary>
public sealed class StrangersSeeNoTemperature(UnthrottledAppFixture app, ITestOutputHelper output) : IClassFixture<UnthrottledAppFixture>
{
    [Fact]
    public async Task TheTemperaturePageAndTheHomePageShowStrangersNoneOfTheVictimsAnswers()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(app.Driver);
        string[] routes = ["/temperature", "/"];
        Assert.Subset(CoupleScopedRoutes.CoupleRoutes(victim).ToHashSet(), routes.ToHashSet());

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, routes);

        Assert.Equal(2 * routes.Length, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }
}
