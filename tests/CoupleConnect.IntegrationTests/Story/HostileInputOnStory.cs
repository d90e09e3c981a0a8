using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Story;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Story;

/// <summary>
/// Issue 8, item 9, for every text field of the story: a moment's title, rough time and few lines, and the other's
/// side. Each hostile value, alone and inside a kind sentence, is either refused with a clear message and nothing
/// stored, or stored exactly as typed (trimmed) and encrypted; nothing invalid ever reaches a table.
/// </summary>
public sealed class HostileInputOnStory(UnthrottledAppFixture app) : IClassFixture<UnthrottledAppFixture>
{
    private static readonly DateOnly Day = new(2019, 7, 1);

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
    public async Task EveryStoryFieldRefusesOrSafelyStoresTheHostileValue(string payloadName)
    {
        var payload = HostilePayloads.All.Single(candidate => candidate.Name == payloadName);
        var values = payload.Embeddable ? new[] { payload.Value, $"the {payload.Value} bus" } : [payload.Value];
        var driver = app.Driver;
        var couple = await driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var bus = await driver.WriteMomentAsync(alex, "The night bus", Day);

        foreach (var value in values)
        {
            foreach (var (field, form) in new (string, MomentForm)[]
            {
                ("title", new() { Title = value, Day = Day }),
                ("rough time", new() { Title = "Fine", Day = Day, RoughTime = value }),
                ("few lines", new() { Title = "Fine", Day = Day, Text = value }),
            })
            {
                var written = await driver.StoryAsync(sam, story => story.WriteAsync(form));
                var stored = (await driver.StoryViewAsync(sam)).Moments.Where(moment => moment.Mine).SelectMany(moment => new[] { moment.Title, moment.RoughTime, moment.Text }).OfType<string>().ToList();
                AssertRefusedOrStoredAsTyped(value, written.Succeeded, written.Error, stored, $"a new moment's {field}", blankIsAbsent: field != "title");
                if (written.Succeeded)
                {
                    await driver.StoryOkAsync(sam, story => story.TakeBackAsync(written.Value));
                }

                var changed = await driver.StoryAsync(alex, story => story.ChangeAsync(bus, form));
                var alexs = Assert.Single((await driver.StoryViewAsync(alex)).Moments, moment => moment.Mine);
                AssertRefusedOrStoredAsTyped(value, changed.Succeeded, changed.Error, changed.Succeeded ? new[] { alexs.Title, alexs.RoughTime, alexs.Text }.OfType<string>().ToList() : [], $"a changed moment's {field}", blankIsAbsent: field != "title");
                if (!changed.Succeeded)
                {
                    Assert.Equal("The night bus", alexs.Title);
                }

                await driver.StoryOkAsync(alex, story => story.ChangeAsync(bus, new MomentForm { Title = "The night bus", Day = Day }));
            }

            var side = await driver.StoryAsync(sam, story => story.WriteSideAsync(bus, value));
            var sideText = Assert.Single((await driver.StoryViewAsync(alex)).Moments).OtherSide?.Text;
            AssertRefusedOrStoredAsTyped(value, side.Succeeded, side.Error, side.Succeeded ? [sideText!] : [], "how I remember it", blankIsAbsent: false);
        }

        Assert.Empty(await StoredTextAudit.ProblemsAsync(app.Factory.ConnectionString, app.Factory.Services.GetRequiredService<FieldEncryptor>()));
        Assert.Empty(await PlaintextStoryTextsAsync());
    }

    /// <summary>
    /// Refused with a message and not stored, or stored as typed. An optional field left blank (by whitespace or
    /// invisible characters) is simply absent, which is also fine; what the rule refuses everywhere is refused here too.
    /// </summary>
    private static void AssertRefusedOrStoredAsTyped(string value, bool succeeded, string? error, IReadOnlyList<string> stored, string field, bool blankIsAbsent)
    {
        // The one rule for written text refuses these in every field: over the limit, NUL, and direction overrides.
        var absent = blankIsAbsent && Domain.Common.WrittenText.IsBlank(value);
        var mustRefuse = !absent && (value.Length >= 10_000 || value.Contains('\0', StringComparison.Ordinal) || value.Contains('\u202E', StringComparison.Ordinal));
        Assert.False(mustRefuse && succeeded, $"{field}: saved a value the rule for written text refuses.");
        if (succeeded)
        {
            if (!absent)
            {
                Assert.True(stored.Contains(value.Trim()), $"{field}: saved, but not as typed.");
            }
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error), $"{field}: refused without a message.");
            Assert.DoesNotContain(value.Trim(), stored);
        }
    }

    /// <summary>Every story text column, read with plain SQL: each value must be ciphertext.</summary>
    private async Task<List<string>> PlaintextStoryTextsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.Factory.ConnectionString);
        var plaintext = new List<string>();
        foreach (var (table, column) in new[] { ("story_moments", "title"), ("story_moments", "rough_time"), ("story_moments", "text"), ("story_sides", "text") })
        {
            await using var command = dataSource.CreateCommand($"SELECT {column} FROM {table} WHERE {column} IS NOT NULL");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!FieldEncryptor.IsEncryptedFormat(reader.GetString(0)))
                {
                    plaintext.Add($"{table}.{column}: {reader.GetString(0)}");
                }
            }
        }

        return plaintext;
    }
}
