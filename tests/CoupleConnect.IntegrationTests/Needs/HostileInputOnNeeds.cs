using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Needs;

/// <summary>
/// Issue 8, item 9, for every new text field of needs: a new need, a need's new words, and the reflection's "how did it
/// go?". Each hostile value, alone and inside a kind sentence, is either refused with a clear message and nothing
/// stored, or stored exactly as typed (trimmed) and encrypted; nothing invalid ever reaches a table.
/// </summary>
public sealed class HostileInputOnNeeds(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private static readonly DateOnly Session = new(2027, 3, 7);

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
    public async Task EveryNeedsFieldRefusesOrSafelyStoresTheHostileValue(string payloadName)
    {
        var payload = HostilePayloads.All.Single(candidate => candidate.Name == payloadName);
        var values = payload.Embeddable ? new[] { payload.Value, $"I feel close when we {payload.Value} walk" } : [payload.Value];
        var couple = await app.NewCoupleAsync();
        var driver = app.ClockedDriver;
        var kind = await driver.WriteNeedAsync(couple.Partner, "I feel close when we cook.");
        await driver.NeedOkAsync(couple.Inviter, needs => needs.StartTryingAsync(kind));
        var reflection = await NeedsReflection.CreateAsync(driver, couple);

        foreach (var value in values)
        {
            var written = await driver.NeedsAsync(couple.Inviter, needs => needs.WriteAsync(value));
            var mine = (await driver.NeedsViewAsync(couple.Inviter)).Mine;
            AssertRefusedOrStoredAsTyped(value, written.Succeeded, written.Error, mine.Select(need => need.Text).ToList(), "a new need");
            if (written.Succeeded)
            {
                await driver.NeedOkAsync(couple.Inviter, needs => needs.DeleteForGoodAsync(written.Value));
            }

            var revised = await driver.NeedsAsync(couple.Partner, needs => needs.ReviseAsync(kind, value));
            var samsText = Assert.Single((await driver.NeedsViewAsync(couple.Partner)).Mine).Text;
            AssertRefusedOrStoredAsTyped(value, revised.Succeeded, revised.Error, revised.Succeeded ? [samsText] : [], "a need's new words");
            if (!revised.Succeeded)
            {
                Assert.Equal("I feel close when we cook.", samsText);
            }

            var answered = await driver.OccurrencesAsync(couple.Inviter, occurrences => occurrences.WriteNeedAnswerAsync(reflection, Session, kind, value));
            var answer = Assert.Single((await driver.ReflectionAsync(couple.Inviter, reflection, Session)).TriedNeeds).MyAnswer;
            AssertRefusedOrStoredAsTyped(value, answered.Succeeded, answered.Error, answered.Succeeded ? [answer!] : [], "how trying it went");
        }

        Assert.Empty(await StoredTextAudit.ProblemsAsync(app.Factory.ConnectionString, app.Factory.Services.GetRequiredService<FieldEncryptor>()));
        Assert.Empty(await PlaintextNeedTextsAsync());
    }

    private static void AssertRefusedOrStoredAsTyped(string value, bool succeeded, string? error, IReadOnlyList<string> stored, string field)
    {
        if (succeeded)
        {
            Assert.Contains(value.Trim(), stored);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error), $"{field}: refused without a message.");
            Assert.DoesNotContain(value.Trim(), stored);
        }
    }

    /// <summary>Every needs text column, read with plain SQL: each value must be ciphertext.</summary>
    private async Task<List<string>> PlaintextNeedTextsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.Factory.ConnectionString);
        var plaintext = new List<string>();
        foreach (var table in new[] { "needs", "need_versions", "need_answers" })
        {
            await using var command = dataSource.CreateCommand($"SELECT text FROM {table}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!FieldEncryptor.IsEncryptedFormat(reader.GetString(0)))
                {
                    plaintext.Add($"{table}: {reader.GetString(0)}");
                }
            }
        }

        return plaintext;
    }
}
