using System.Text;
using System.Text.Json;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// Bad check-in input gets a clear, specific message and stores nothing (the couple's check-in rows are compared
/// before and after, xmin included); people outside the couple reach only their own couple's data.
/// </summary>
public sealed class RefusingBadCheckInInput(AppFixture app) : IClassFixture<AppFixture>
{
    private const string WriteFirst = "Please write your answer first.";
    private const string DirectionControls = "Your answer contains invisible direction-control characters (often pasted from elsewhere). Please remove them and try again.";

    private readonly AppDriver _app = app.Driver;

    public static TheoryData<string, string, string> BadAnswers => new()
    {
        { "empty", string.Empty, WriteFirst },
        { "whitespace", "  \t\r\n  \u00A0 ", WriteFirst },
        { "zero-width only", "\u200B\u200C\u200D\uFEFF\u2060", WriteFirst },
        { "2,001 characters", new string('a', 2001), "Please keep your answer to 2,000 characters (this one has 2,001). Nothing was saved; shorten it and try again." },
        { "a right-to-left override", "I loved \u202Erennid\u202C with you", DirectionControls },
        { "a left-to-right isolate", "\u2066hidden order\u2069 of words", DirectionControls },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task ABadAnswerIsRefusedClearlyAndNothingIsStored(string what, string answer, string expected)
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            var refused = await asAlex.CheckIns.AnswerAsync(day, answer);
            Assert.True(refused.Error == expected, $"An answer that is {what} got [{refused.Error ?? "accepted"}], expected [{expected}].");
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Empty(await _app.CheckInTables.AnswersAsync(couple.CoupleId));
        Assert.Equal(CheckInState.NotAnswered, (await _app.TodaysQuestionAsync(couple.Inviter)).State);
        Assert.False((await _app.TodaysQuestionAsync(couple.Partner)).PartnerHasAnswered);
    }

    [Fact]
    public async Task ABadEditBeforeTheRevealKeepsTheEarlierAnswer()
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.AnswerTodayAsync(couple.Inviter, "My first answer")).Day;
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            foreach (var (bad, _, expected) in BadAnswers.Select(row => ((string)row[1], 0, (string)row[2])))
            {
                Assert.Equal(expected, (await asAlex.CheckIns.AnswerAsync(day, bad)).Error);
            }
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Equal("My first answer", (await _app.TodaysQuestionAsync(couple.Inviter)).MyAnswer);
    }

    [Fact]
    public async Task ExactlyTwoThousandCharactersAreKeptWholeAndMarkupStaysText()
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        var longest = "<img src=x onerror=alert(1)>" + new string('ü', CheckInText.AnswerMaxLength - 28);
        Assert.Equal(2000, longest.Length);

        await _app.AnswerAsync(couple.Inviter, day, longest);

        Assert.Equal(longest, (await _app.TodaysQuestionAsync(couple.Inviter)).MyAnswer);
    }

    [Fact]
    public async Task A2001CharacterAnswerThatTheCircuitAcceptsIsRefusedByTheService()
    {
        // The answer box has no maxlength (a long paste is kept and refused, never cut) and the Blazor hub takes
        // messages up to 128 KB, so a 2,001-character answer does reach the service: the service is the guard.
        var hubOptionsType = typeof(HubOptions<>).MakeGenericType(
            Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!);
        var optionsType = typeof(IOptions<>).MakeGenericType(hubOptionsType);
        var hubOptions = (HubOptions)optionsType.GetProperty(nameof(IOptions<HubOptions>.Value))!.GetValue(_app.Services.GetRequiredService(optionsType))!;
        var tooLong = new string('é', CheckInText.AnswerMaxLength + 1);
        Assert.Equal(128 * 1024, hubOptions.MaximumReceiveMessageSize);
        Assert.True(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(tooLong)) < hubOptions.MaximumReceiveMessageSize);

        var couple = await _app.PairNewAsync();
        var day = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);
        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            var refused = await asAlex.CheckIns.AnswerAsync(day, tooLong);
            Assert.StartsWith("Please keep your answer to 2,000 characters (this one has 2,001).", refused.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
    }

    [Fact]
    public async Task BadReflectionsAndClarificationsAreRefusedAndNothingIsStored()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, "Alex's answer", "Sam's answer");
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.Equal("Please write your reflection first.", (await asSam.CheckIns.ReflectAsync(day, " \u200B ")).Error);
            Assert.Equal(
                "Please keep your reflection to 1,000 characters (this one has 1,001). Nothing was saved; shorten it and try again.",
                (await asSam.CheckIns.ReflectAsync(day, new string('r', CheckInText.ReflectionMaxLength + 1))).Error);
            Assert.StartsWith("Your reflection contains invisible direction-control characters", (await asSam.CheckIns.ReflectAsync(day, "You \u202Eevol\u202C me")).Error, StringComparison.Ordinal);
        }

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            // Nothing reflected on Alex's answer yet: nothing to respond to.
            Assert.Equal(CheckInRuleException.MessageFor(CheckInRule.NoSuchReflection), (await asAlex.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.ThatsIt, null)).Error);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.True((await asSam.CheckIns.ReflectAsync(day, "A fair paraphrase")).Succeeded);
        }

        var reflected = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);
        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            Assert.StartsWith("Your clarification contains invisible direction-control characters", (await asAlex.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.NotQuite, "Not \u202Ethat\u202C")).Error, StringComparison.Ordinal);
            Assert.StartsWith("Please keep your clarification to 1,000 characters", (await asAlex.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.NotQuite, new string('c', 1001))).Error, StringComparison.Ordinal);
        }

        Assert.Equal(reflected, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Null((await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id)).Verdict);
    }

    [Fact]
    public async Task AStrangerAimingAtTheVictimsDayOnlyEverTouchesTheirOwnCouple()
    {
        // Both couples live in Berlin, so the victim's day is the stranger's today too: the strongest temptation.
        var victim = await _app.PairNewAsync("Marisol", "Thaddeus");
        var victimsAnswers = ($"Marisol's secret {Guid.NewGuid():N}", $"Thaddeus's secret {Guid.NewGuid():N}");
        var day = await _app.BothAnswerTodayAsync(victim, victimsAnswers.Item1, victimsAnswers.Item2);
        var victimBefore = await _app.CheckInTables.SnapshotAsync(victim.CoupleId);
        var stranger = await _app.PairNewAsync("Stranger", "Outsider");

        await using (var asStranger = _app.AsUser(stranger.Inviter))
        {
            var results = new List<object?>
            {
                await asStranger.CheckIns.GetDayAsync(day),
                await asStranger.CheckIns.ReflectAsync(day, "I reflect on Marisol"),
                await asStranger.CheckIns.ToggleHeartAsync(day),
                await asStranger.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.ThatsIt, "yes"),
                await asStranger.CheckIns.AnswerAsync(day, "The stranger's own answer"),
                await asStranger.CheckIns.GetDayAsync(day),
                await asStranger.CheckIns.GetHistoryAsync(1),
            };

            Assert.Equal(CheckInRuleException.MessageFor(CheckInRule.NotRevealedYet), ((ServiceResult)results[1]!).Error);
            Assert.True(((ServiceResult)results[4]!).Succeeded); // answered their OWN couple's question for that day
            var json = JsonSerializer.Serialize(results);
            Assert.DoesNotContain("secret", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Marisol", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Thaddeus", json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(victimBefore, await _app.CheckInTables.SnapshotAsync(victim.CoupleId));
        var strangersRow = Assert.Single(await _app.CheckInTables.AnswersAsync(stranger.CoupleId));
        Assert.Equal((stranger.Inviter.Id, day), (strangersRow.AuthorId, strangersRow.Day));
        Assert.DoesNotContain(stranger.Inviter.Id, (await _app.CheckInTables.AnswersAsync(victim.CoupleId)).Select(row => row.AuthorId));
    }

    [Fact]
    public async Task SomeoneWithoutAPartnerIsToldTheQuestionStartsOnceTheirPartnerJoins()
    {
        var loner = await _app.NewPersonAsync("Loner");
        var inviting = await _app.NewPersonAsync("Inviting");
        await _app.InviteAsync(inviting); // an open invite is not a couple yet
        var couple = await _app.PairNewAsync("Leaver", "Stayer");
        var day = await _app.BothAnswerTodayAsync(couple, "Leaver's answer", "Stayer's answer");
        await _app.LeaveAsync(couple.Inviter); // a person whose couple ended
        var endedBefore = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);
        var answersBefore = await _app.CheckInTables.AllAnswersCountAsync();
        var questionsBefore = await _app.CheckInTables.AllDailyQuestionsCountAsync();

        Assert.Contains("starts once your partner has joined", CheckInService.NotPairedMessage, StringComparison.Ordinal);
        foreach (var person in new[] { loner, inviting, couple.Inviter, couple.Partner })
        {
            await using var scope = _app.AsUser(person);
            var checkIns = scope.CheckIns;
            Assert.Null(await checkIns.GetTodayAsync());
            Assert.Null(await checkIns.GetDayAsync(day));
            Assert.Null(await checkIns.GetHistoryAsync(1));
            Assert.Empty(await checkIns.GetMissedDaysAsync());
            Assert.Null(await checkIns.SubscribeAsync(_ => Task.CompletedTask));
            Assert.Equal(CheckInService.NotPairedMessage, (await checkIns.AnswerAsync(day, "An answer")).Error);
            Assert.Equal(CheckInService.NotPairedMessage, (await checkIns.ReflectAsync(day, "A reflection")).Error);
            Assert.Equal(CheckInService.NotPairedMessage, (await checkIns.RespondToReflectionAsync(day, ReflectionVerdict.ThatsIt, null)).Error);
            Assert.Equal(CheckInService.NotPairedMessage, (await checkIns.ToggleHeartAsync(day)).Error);
        }

        Assert.Equal(endedBefore, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Equal(answersBefore, await _app.CheckInTables.AllAnswersCountAsync());
        Assert.Equal(questionsBefore, await _app.CheckInTables.AllDailyQuestionsCountAsync());
    }
}
