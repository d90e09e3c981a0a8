using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Talks;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Talks;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Talks;

/// <summary>
/// A talk on two phones through the real services and database: every move reaches the partner's open page at once (and
/// no other couple's), the words are ciphertext at rest, and removing your words removes them for both.
/// </summary>
public sealed class TakingATalkTogether(UnthrottledAppFixture app) : IClassFixture<UnthrottledAppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task EveryMoveInATalkReachesThePartnersOpenPageAndNoOtherCouple()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        var strangers = await _app.PairNewAsync("Robin", "Kai");
        var notifier = app.Factory.Services.GetRequiredService<CoupleNotifier>();
        var heard = new List<CoupleChange>();
        var strangerHeard = new List<CoupleChange>();
        using var partnersPage = notifier.Subscribe(couple.CoupleId, change =>
        {
            lock (heard)
            {
                heard.Add(change);
            }

            return Task.CompletedTask;
        });
        using var strangersPage = notifier.Subscribe(strangers.CoupleId, change =>
        {
            strangerHeard.Add(change);
            return Task.CompletedTask;
        });

        var id = await _app.ProposeNowAsync(couple.Inviter);
        await _app.DoAsync(couple.Partner, talks => talks.AcceptAsync(id));
        await _app.DoAsync(couple.Inviter, talks => talks.SpeakAsync(id, "I feel alone when the evenings vanish into our phones."));
        await _app.DoAsync(couple.Partner, talks => talks.ReflectAsync(id, "You want us off our phones."));
        await _app.DoAsync(couple.Inviter, talks => talks.AnswerAsync(id, ReflectionVerdict.NotQuite, "More that I miss you."));

        Assert.Equal(5, heard.Count(change => change == CoupleChange.TalksChanged));
        Assert.Empty(strangerHeard);
        var samSees = await _app.ViewAsync(couple.Partner, id);
        Assert.Equal((TalkStep.Reflect, true), (samSees.Step, samSees.MyMove));
        var turn = Assert.Single(samSees.Turns);
        Assert.Equal(("I feel alone when the evenings vanish into our phones.", "More that I miss you.", 1), (turn.Said, turn.Clarification, turn.NotQuiteCount));
    }

    [Fact]
    public async Task TheTopicWordsReflectionsAndThingsToTryAreCiphertextAtRestAndReadBackExactly()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        const string Topic = "Evenings & \"screens\" שלום";
        const string Said = "I feel <b>tired</b>;\nI need quiet first.";
        const string Reflection = "You need quiet first — مرحبا.";
        const string NextStep = "I'll give you twenty quiet minutes 🍵";
        var id = await _app.TalkWithOneTurnAsync(couple, Topic, Said, Reflection);
        await _app.DoAsync(couple.Partner, talks => talks.EndAsync(id));
        await _app.DoAsync(couple.Partner, talks => talks.NameNextStepAsync(id, NextStep));

        var raw = await new TalkTables(_app.Tables.ConnectionString).RawTextsAsync(id);

        Assert.Equal(4, raw.Count);
        Assert.All(raw, value => Assert.StartsWith("enc:v3:", value, StringComparison.Ordinal));
        foreach (var plaintext in new[] { Topic, Said, Reflection, NextStep, "tired", "quiet", "minutes" })
        {
            Assert.DoesNotContain(raw, value => value.Contains(plaintext, StringComparison.Ordinal));
        }

        var alexSees = await _app.ViewAsync(couple.Inviter, id);
        Assert.Equal((Topic, Said, Reflection, NextStep), (alexSees.Topic, alexSees.Turns[0].Said, alexSees.Turns[0].Reflection, alexSees.PartnerNextStep));
    }

    [Fact]
    public async Task RemovingMyWordsRemovesThemForBothAndLeavesAReflectionThatDependedOnThemMarked()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        var id = await _app.TalkWithOneTurnAsync(couple, "Our Sundays", "I miss slow Sunday mornings with you.", "You miss our slow Sundays.");
        var turnId = (await _app.ViewAsync(couple.Inviter, id)).Turns[0].Id;

        await _app.DoAsync(couple.Inviter, talks => talks.RemoveWordsAsync(id, turnId));
        await _app.DoAsync(couple.Inviter, talks => talks.RemoveTopicAsync(id));

        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            var view = await _app.ViewAsync(person, id);
            Assert.True(view.Turns[0].SaidRemoved);
            Assert.Equal("You miss our slow Sundays.", view.Turns[0].Reflection);
            Assert.True(view.TopicRemoved);
        }

        Assert.Single(await new TalkTables(_app.Tables.ConnectionString).RawTextsAsync(id));

        // Sam's words are Sam's: Alex cannot remove them, Sam can.
        Assert.False((await _app.TalksAsync(couple.Inviter, talks => talks.RemoveWordsAsync(id, turnId))).Succeeded);
        await _app.DoAsync(couple.Partner, talks => talks.RemoveWordsAsync(id, turnId));
        Assert.Empty(await new TalkTables(_app.Tables.ConnectionString).RawTextsAsync(id));
        Assert.True((await _app.ViewAsync(couple.Inviter, id)).Turns[0].ReflectionRemoved);
    }

    [Fact]
    public async Task TheDashboardLearnsOnlyThatATalkHappenedNeverItsTopic()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        Assert.Null(await _app.TalksAsync(couple.Partner, talks => talks.LastHeldOnAsync()));

        await _app.TalkWithOneTurnAsync(couple, "A topic only the talk page shows", "Words", "Reflection");

        Assert.NotNull(await _app.TalksAsync(couple.Partner, talks => talks.LastHeldOnAsync()));
    }
}
