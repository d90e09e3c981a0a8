using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Temperature;

/// <summary>
/// Issue 8, item 9, for the weekly temperature's fields: the small gain and the wish take every hostile value, alone and
/// inside a kind sentence, and either refuse it with a clear message (nothing stored) or store it exactly as typed
/// (trimmed) and encrypted; the number refuses anything outside 1 to 10.
/// </summary>
public sealed class HostileInputOnTemperature(March2027AppFixture app) : IClassFixture<March2027AppFixture>
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
    public async Task TheGainAndTheWishRefuseOrSafelyStoreTheHostileValue(string payloadName)
    {
        var payload = HostilePayloads.All.Single(candidate => candidate.Name == payloadName);
        var values = payload.Embeddable ? new[] { payload.Value, $"We laughed {payload.Value} a lot" } : [payload.Value];
        var couple = await app.NewCoupleAsync();
        var driver = app.ClockedDriver;

        foreach (var value in values)
        {
            foreach (var field in new[] { "gain", "wish" })
            {
                var (gain, wish) = field == "gain" ? (value, "A quiet evening") : ("A good talk", value);
                var answered = await driver.TryTemperatureAsync(couple.Inviter, temperature => temperature.AnswerAsync(6, gain, wish));
                var mine = (await driver.TemperatureViewAsync(couple.Inviter)).Mine;
                var stored = field == "gain" ? mine?.Gain : mine?.Wish;
                if (answered.Succeeded)
                {
                    Assert.Equal(value.Trim(), stored);
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(answered.Error), $"The {field} was refused without a message.");
                    Assert.NotEqual(value.Trim(), stored);
                }
            }
        }

        Assert.Empty(await StoredTextAudit.ProblemsAsync(app.Factory.ConnectionString, app.Factory.Services.GetRequiredService<FieldEncryptor>()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    [InlineData(null)]
    public async Task ANumberOutsideOneToTenIsRefusedAndNothingIsSaved(int? connected)
    {
        var couple = await app.NewCoupleAsync();

        var answered = await app.ClockedDriver.TryTemperatureAsync(couple.Inviter, temperature => temperature.AnswerAsync(connected, "gain", "wish"));

        Assert.Equal("Please pick how connected you felt, from 1 to 10.", answered.Error);
        Assert.Null((await app.ClockedDriver.TemperatureViewAsync(couple.Inviter)).Mine);
    }
}
