using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Story;

/// <summary>`./run.sh --demo`: the demo couple has a story to read, written by both, with a hard time and a side on it.</summary>
public sealed class TheDemoCouplesStory(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheDemoCoupleHasMomentsByBothOldestFirstWithAHardTimeAndTheOthersSide()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        var alex = (await app.Users.FindByEmailAsync(DemoSeeder.AlexEmail))!;
        var story = await app.Driver.StoryViewAsync(new TestPerson(alex.Id, alex.Email!, "Alex", "Europe/London"));

        Assert.True(story.Moments.Count >= 4, $"Only {story.Moments.Count} demo moments.");
        Assert.Equal(story.Moments.OrderBy(moment => moment.Day).Select(moment => moment.Id), story.Moments.Select(moment => moment.Id));
        Assert.Contains(story.Moments, moment => moment.Mine);
        Assert.Contains(story.Moments, moment => !moment.Mine);
        Assert.Contains(story.Moments, moment => moment.HardTime && moment.OtherSide is not null);
    }
}
