using CoupleConnect.Web.Features.CheckIns;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// A couple's question day for tests that start from one: today's question as a partner opens it (the app creates it on
/// first look), and answers written through the app's own check-in service, so they are stored as the app stores them.
/// </summary>
public static class TestQuestionDays
{
    /// <summary>Today's question as <paramref name="userId"/> opens it (creating it on first look); fails the test when there is none.</summary>
    public static async Task<CheckInDay> TodayAsync(IServiceProvider services, string userId, string who = "The person")
    {
        await using var scope = SignedInScopes.Open(services, userId);
        var today = await scope.ServiceProvider.GetRequiredService<CheckInService>().GetTodayAsync();
        Assert.True(today is not null, $"{who} has no question today.");
        return today;
    }

    /// <summary><paramref name="userId"/> answers <paramref name="day"/>'s question; fails the test if refused.</summary>
    public static async Task AnswerAsync(IServiceProvider services, string userId, DateOnly day, string text, string who = "The person")
    {
        await using var scope = SignedInScopes.Open(services, userId);
        var answered = await scope.ServiceProvider.GetRequiredService<CheckInService>().AnswerAsync(day, text);
        Assert.True(answered.Succeeded, $"{who} could not answer {day:yyyy-MM-dd}: {answered.Error}");
    }

    /// <summary><paramref name="userId"/> opens today's question and answers it; returns the day as it was before the answer.</summary>
    public static async Task<CheckInDay> AnswerTodayAsync(IServiceProvider services, string userId, string text, string who = "The person")
    {
        var today = await TodayAsync(services, userId, who);
        await AnswerAsync(services, userId, today.Day, text, who);
        return today;
    }

    /// <summary>Both partners answer today's question (the first opens it), so it is revealed; returns the day.</summary>
    public static async Task<DateOnly> BothAnswerTodayAsync(
        IServiceProvider services,
        string firstId,
        string secondId,
        string firstText,
        string secondText,
        string firstName = "The first partner",
        string secondName = "The second partner")
    {
        var day = (await AnswerTodayAsync(services, firstId, firstText, firstName)).Day;
        await AnswerAsync(services, secondId, day, secondText, secondName);
        return day;
    }
}
