using CoupleConnect.Domain.Goals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Goals;
using CoupleConnect.Web.Infrastructure;

namespace CoupleConnect.IntegrationTests.Goals;

/// <summary>Goals through the real service, signed in as one partner, as the page calls it.</summary>
public static class GoalsTestKit
{
    public static async Task<T> GoalsAsync<T>(this AppDriver app, TestPerson person, Func<GoalsService, Task<T>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<GoalsService>());
    }

    public static async Task<Guid> SetGoalAsync(this AppDriver app, TestPerson person, string name, string? why = null, GoalRhythm rhythm = GoalRhythm.None)
    {
        var set = await app.GoalsAsync(person, goals => goals.SetAsync(new GoalInput { Name = name, Why = why, Rhythm = rhythm }));
        Assert.True(set.Succeeded, $"{person.DisplayName} could not set the goal: {set.Error}");
        return set.Value;
    }

    public static async Task<GoalsView> GoalsViewAsync(this AppDriver app, TestPerson person) =>
        await app.GoalsAsync(person, goals => goals.GetAsync()) ?? throw new InvalidOperationException($"{person.DisplayName} has no couple.");

    public static async Task GoalOkAsync(this AppDriver app, TestPerson person, Func<GoalsService, Task<ServiceResult>> call)
    {
        var result = await app.GoalsAsync(person, call);
        Assert.True(result.Succeeded, $"{person.DisplayName}: {result.Error}");
    }

    public static async Task<Guid> CheckInAsync(this AppDriver app, TestPerson person, Guid goalId, string text)
    {
        await app.GoalOkAsync(person, goals => goals.CheckInAsync(goalId, text));
        var view = await app.GoalsViewAsync(person);
        return view.Active.Concat(view.History).Single(goal => goal.Id == goalId).Notes.Last(note => note.Mine && note.Text == text).Id;
    }
}
