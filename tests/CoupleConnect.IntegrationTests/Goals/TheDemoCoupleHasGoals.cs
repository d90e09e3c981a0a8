using CoupleConnect.Domain.Goals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Demo;
using CoupleConnect.Web.Features.Goals;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Goals;

/// <summary>`./run.sh --demo` shows goals at work: a goal both checked in on that is due a check-in, and one let go.</summary>
public sealed class TheDemoCoupleHasGoals(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheDemoCoupleHasAGoalWithCheckInsFromBothThatIsDueAndOneLetGoInTheHistory()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        var alex = (await app.Users.FindByEmailAsync(DemoSeeder.AlexEmail))!;
        await using var asAlex = app.Driver.AsUser(alex.Id);
        var view = (await asAlex.Get<GoalsService>().GetAsync())!;

        Assert.Equal(2, view.Active.Count);
        var walks = view.Active.Single(goal => goal.Rhythm == GoalRhythm.Weekly);
        Assert.True(walks.CheckInDue);
        Assert.Contains(walks.Notes, note => note.Mine);
        Assert.Contains(walks.Notes, note => !note.Mine);
        Assert.Equal(GoalStatus.LetGo, Assert.Single(view.History).Status);
    }
}
