using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Goals;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Goals;

/// <summary>
/// Issue 8, item 9, for every text field of goals: a new goal's name and why, a goal's changed name and why, and a
/// check-in. Each hostile value, alone and inside a kind sentence, is either refused with a clear message and nothing
/// stored, or stored exactly as typed (trimmed) and encrypted; nothing invalid ever reaches a table.
/// </summary>
public sealed class HostileInputOnGoals(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (var payload in HostilePayloads.All)
        {
            data.Add(payload.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task EveryGoalFieldRefusesOrSafelyStoresTheHostileValue(string payloadName)
    {
        var payload = HostilePayloads.All.Single(candidate => candidate.Name == payloadName);
        var values = payload.Embeddable ? new[] { payload.Value, $"Walk {payload.Value} on Sundays" } : [payload.Value];
        var couple = await app.NewCoupleAsync();
        var driver = app.ClockedDriver;
        var kept = await driver.SetGoalAsync(couple.Partner, "Cook together on Fridays", "We laugh in the kitchen.");

        foreach (var value in values)
        {
            var asName = await driver.GoalsAsync(couple.Inviter, goals => goals.SetAsync(new GoalInput { Name = value }));
            AssertRefusedOrStoredAsTyped(value, asName.Succeeded, asName.Error, await NamesAsync(driver, couple.Inviter), "a new goal's name");
            if (asName.Succeeded)
            {
                await driver.GoalOkAsync(couple.Inviter, goals => goals.LetGoAsync(asName.Value));
            }

            var asWhy = await driver.GoalsAsync(couple.Inviter, goals => goals.SetAsync(new GoalInput { Name = "A safe name", Why = value }));
            AssertRefusedOrStoredAsTyped(value, asWhy.Succeeded, asWhy.Error, await WhysAsync(driver, couple.Inviter), "a new goal's why", blankIsFine: true);
            if (asWhy.Succeeded)
            {
                await driver.GoalOkAsync(couple.Inviter, goals => goals.LetGoAsync(asWhy.Value));
            }

            var renamed = await driver.GoalsAsync(couple.Inviter, goals => goals.ChangeAsync(kept, new GoalInput { Name = value, Why = value }));
            var after = (await driver.GoalsViewAsync(couple.Inviter)).Active.Single(goal => goal.Id == kept);
            AssertRefusedOrStoredAsTyped(value, renamed.Succeeded, renamed.Error, renamed.Succeeded ? [after.Name] : [], "a goal's changed name");
            if (!renamed.Succeeded)
            {
                Assert.Equal(("Cook together on Fridays", "We laugh in the kitchen."), (after.Name, after.Why));
            }

            await driver.GoalOkAsync(couple.Inviter, goals => goals.ChangeAsync(kept, new GoalInput { Name = "Cook together on Fridays", Why = "We laugh in the kitchen." }));

            var checkedIn = await driver.GoalsAsync(couple.Inviter, goals => goals.CheckInAsync(kept, value));
            var notes = (await driver.GoalsViewAsync(couple.Inviter)).Active.Single(goal => goal.Id == kept).Notes.Select(note => note.Text).ToList();
            AssertRefusedOrStoredAsTyped(value, checkedIn.Succeeded, checkedIn.Error, notes, "a check-in");
        }

        Assert.Empty(await StoredTextAudit.ProblemsAsync(app.Factory.ConnectionString, app.Factory.Services.GetRequiredService<FieldEncryptor>()));
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(AppDriver driver, TestPerson person)
    {
        var view = await driver.GoalsViewAsync(person);
        return [.. view.Active.Concat(view.History).Select(goal => goal.Name)];
    }

    private static async Task<IReadOnlyList<string>> WhysAsync(AppDriver driver, TestPerson person)
    {
        var view = await driver.GoalsViewAsync(person);
        return [.. view.Active.Concat(view.History).Select(goal => goal.Why).OfType<string>()];
    }

    private static void AssertRefusedOrStoredAsTyped(string value, bool succeeded, string? error, IReadOnlyList<string> stored, string field, bool blankIsFine = false)
    {
        if (succeeded)
        {
            // An optional field may take an invisible-only value as "not written".
            if (!(blankIsFine && Domain.Common.WrittenText.IsBlank(value.Trim())))
            {
                Assert.Contains(value.Trim(), stored);
            }
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error), $"{field}: refused without a message.");
            Assert.DoesNotContain(value.Trim(), stored);
        }
    }
}
