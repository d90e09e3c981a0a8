using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Temperature;

/// <summary>
/// The demo couple has twelve weeks of the weekly temperature: eleven revealed, a harder last week for Alex (so the
/// home page gently offers a talk), and this week only Sam's answer, so Alex can answer and both see the reveal.
/// </summary>
public sealed class TheDemoTemperature(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheDemoHasElevenRevealedWeeksAGentleSuggestionAndThisWeekWaitsForAlex()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        var alex = (await app.Users.FindByEmailAsync(DemoSeeder.AlexEmail))!;
        var sam = (await app.Users.FindByEmailAsync(DemoSeeder.SamEmail))!;
        var alexsView = await app.Driver.TemperatureViewAsync(new TestPerson(alex.Id, alex.Email!, alex.DisplayName, alex.TimeZoneId));
        var samsView = await app.Driver.TemperatureViewAsync(new TestPerson(sam.Id, sam.Email!, sam.DisplayName, sam.TimeZoneId));

        Assert.Equal(11, alexsView.Trend.Count(week => week.Mine is not null && week.Partners is not null));
        Assert.Null(alexsView.Mine);
        Assert.True(alexsView.PartnerAnswered);
        Assert.NotNull(samsView.Mine);
        Assert.Null(samsView.Revealed);
        Assert.True(alexsView.SuggestTimeTogether);
        Assert.NotEmpty(alexsView.LatestGains);
    }
}
