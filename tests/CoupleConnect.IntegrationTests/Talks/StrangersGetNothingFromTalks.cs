using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Talks;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Talks;

/// <summary>
/// The stranger helper applied to talks: a person from another couple, an unpaired person, the victim's former partner,
/// and the victim about the former couple's talk get "gone" or "not paired" from every talks call, nothing of the talks
/// in any answer or page, and no row changes. The victim's talks are made by <see cref="CoupleScopedRoutes.CreateVictimAsync"/>.
/// </summary>
public sealed class StrangersGetNothingFromTalks(UnthrottledAppFixture app, ITestOutputHelper output) : IClassFixture<UnthrottledAppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TheTalkPagesShowStrangersNoneOfTheVictimsTalks()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var routes = CoupleScopedRoutes.CoupleRoutes(victim).Where(route => route.StartsWith("/talks", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, routes.Count);

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, routes);

        Assert.Equal(2 * routes.Count, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }

    [Fact]
    public async Task EveryTalksCallAimedAtTheVictimsTalksIsRefusedAndChangesNothing()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var tables = new TalkTables(_app.Tables.ConnectionString);
        var current = await tables.SnapshotAsync(victim.Current.CoupleId);
        var former = await tables.SnapshotAsync(victim.Former.CoupleId);
        Assert.NotEqual("##", current);

        var strangers = await CoupleScopedRoutes.CreateStrangersAsync(_app);
        (string Who, TestPerson Person, string Expected, IReadOnlyList<Guid> TalkIds)[] everyone =
        [
            ("a stranger from another couple", strangers[0].Person, TalksService.GoneMessage, victim.TalkIds),
            ("an unpaired user", strangers[1].Person, TalksService.NotPairedMessage, victim.TalkIds),
            ("the victim's former partner (unpaired since)", victim.FormerPartner, TalksService.NotPairedMessage, victim.TalkIds),
            ("the victim, about the former couple's talk", victim.Member, TalksService.GoneMessage, [victim.TalkIds[1]]),
            ("the victim's partner, about the former couple's talk", victim.Partner, TalksService.GoneMessage, [victim.TalkIds[1]]),
        ];

        foreach (var (who, person, expected, talkIds) in everyone)
        {
            foreach (var talkId in talkIds)
            {
                await using var scope = _app.AsUser(person);
                var talks = scope.Get<TalksService>();
                foreach (var (call, result) in new (string, Web.Infrastructure.ServiceResult)[]
                {
                    ("Accept", await talks.AcceptAsync(talkId)),
                    ("SuggestTime", await talks.SuggestTimeAsync(talkId, true, null, null)),
                    ("Decline", await talks.DeclineAsync(talkId)),
                    ("Begin", await talks.BeginAsync(talkId)),
                    ("Speak", await talks.SpeakAsync(talkId, "A stranger's words")),
                    ("Reflect", await talks.ReflectAsync(talkId, "A stranger's reflection")),
                    ("Answer", await talks.AnswerAsync(talkId, Domain.CheckIns.ReflectionVerdict.NotQuite, null)),
                    ("RemoveWords", await talks.RemoveWordsAsync(talkId, Guid.CreateVersion7())),
                    ("RemoveTopic", await talks.RemoveTopicAsync(talkId)),
                    ("End", await talks.EndAsync(talkId)),
                    ("NameNextStep", await talks.NameNextStepAsync(talkId, "A stranger's plan")),
                    ("RemoveNextStep", await talks.RemoveNextStepAsync(talkId)),
                })
                {
                    Assert.True(result.Error == expected, $"{call} on talk {victim.TalkIds.ToList().IndexOf(talkId) + 1} as {who}: {result.Error ?? "accepted"}");
                }

                var read = await talks.GetAsync(talkId);
                Assert.Equal(expected, read.Error);
            }
        }

        Assert.Equal(current, await tables.SnapshotAsync(victim.Current.CoupleId));
        Assert.Equal(former, await tables.SnapshotAsync(victim.Former.CoupleId));

        // A follow-up "of" the victim's talk is the stranger's own talk, tied to nothing of theirs.
        var followUp = await _app.TalksAsync(strangers[0].Person, talks => talks.ProposeAsync(new TalkProposalForm { Topic = "Our own topic", Now = true }, victim.TalkIds[0]));
        Assert.True(followUp.Succeeded, followUp.Error);
        Assert.Null((await _app.ViewAsync(strangers[0].Person, followUp.Value)).FollowUpOfId);
        Assert.Equal(["Our own topic"], (await _app.TalksAsync(strangers[0].Person, talks => talks.ListAsync())).Value!.Select(talk => talk.Topic));
        await CoupleScopedRoutes.AssertStrangersGetNothingFromServicesAsync(_app, victim, CoupleScopedRoutes.TalkProbes(victim));
    }
}
