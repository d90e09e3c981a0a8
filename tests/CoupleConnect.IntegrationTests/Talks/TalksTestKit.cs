using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Talks;
using CoupleConnect.Web.Infrastructure;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Talks;

/// <summary>Driving talks as a signed-in person, failing the test when the app refuses what the step needed.</summary>
internal static class TalksTestKit
{
    public static async Task<T> TalksAsync<T>(this AppDriver app, TestPerson person, Func<TalksService, Task<T>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<TalksService>());
    }

    public static async Task DoAsync(this AppDriver app, TestPerson person, Func<TalksService, Task<ServiceResult>> call)
    {
        var result = await app.TalksAsync(person, call);
        Assert.True(result.Succeeded, result.Error);
    }

    public static async Task<Guid> ProposeNowAsync(this AppDriver app, TestPerson proposer, string topic = "How we share the evenings")
    {
        var result = await app.TalksAsync(proposer, talks => talks.ProposeAsync(new TalkProposalForm { Topic = topic, TimeBoxMinutes = 30, Now = true }));
        Assert.True(result.Succeeded, result.Error);
        return result.Value;
    }

    /// <summary>A "now" talk the partner accepted, with one full turn: the proposer spoke, the partner reflected, "That's it".</summary>
    public static async Task<Guid> TalkWithOneTurnAsync(this AppDriver app, PairedCouple couple, string topic, string said, string reflection)
    {
        var id = await app.ProposeNowAsync(couple.Inviter, topic);
        await app.DoAsync(couple.Partner, talks => talks.AcceptAsync(id));
        await app.DoAsync(couple.Inviter, talks => talks.SpeakAsync(id, said));
        await app.DoAsync(couple.Partner, talks => talks.ReflectAsync(id, reflection));
        await app.DoAsync(couple.Inviter, talks => talks.AnswerAsync(id, ReflectionVerdict.ThatsIt, null));
        return id;
    }

    public static async Task<TalkView> ViewAsync(this AppDriver app, TestPerson person, Guid id)
    {
        var result = await app.TalksAsync(person, talks => talks.GetAsync(id));
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }
}

/// <summary>The talk tables read with plain SQL: raw (encrypted) columns and row counts.</summary>
internal sealed class TalkTables(string connectionString)
{
    /// <summary>Every text value a talk keeps, raw, as stored: its topic, its turns' words and its next steps.</summary>
    public async Task<IReadOnlyList<string>> RawTextsAsync(Guid talkId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            """
            SELECT topic FROM talks WHERE id = $1 AND topic IS NOT NULL
            UNION ALL SELECT said FROM talk_turns WHERE talk_id = $1 AND said IS NOT NULL
            UNION ALL SELECT reflection FROM talk_turns WHERE talk_id = $1 AND reflection IS NOT NULL
            UNION ALL SELECT clarification FROM talk_turns WHERE talk_id = $1 AND clarification IS NOT NULL
            UNION ALL SELECT text FROM talk_next_steps WHERE talk_id = $1
            """);
        command.Parameters.AddWithValue(talkId);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    /// <summary>(talks, turns, next steps) of one couple: what a refused call must leave as it was.</summary>
    public async Task<string> SnapshotAsync(Guid coupleId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            """
            SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') || '#' ||
                   coalesce((SELECT string_agg(u::text, '|' ORDER BY u.id) FROM talk_turns u JOIN talks x ON x.id = u.talk_id WHERE x.couple_id = $1), '') || '#' ||
                   coalesce((SELECT string_agg(n::text, '|' ORDER BY n.talk_id, n.author_id) FROM talk_next_steps n JOIN talks x ON x.id = n.talk_id WHERE x.couple_id = $1), '')
            FROM talks t WHERE t.couple_id = $1
            """);
        command.Parameters.AddWithValue(coupleId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
