using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Today's question on two phones, in zones where it is daytime now (so the home page puts the question first,
/// docs/adr/0029), both home pages open the whole time: Alex answers and Sam's page learns only that
/// Alex has answered; Sam answers and both see both; Sam reflects Alex's answer back and Alex says "That's it" —
/// every step reaching the other phone live, without a reload.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class CheckInJourney(AppFixture app, ITestOutputHelper output)
{
    private const string AlexAnswer = "When you left the last slice of plum cake on my desk with a tiny note.";
    private const string SamAnswer = "Your voice message at lunch, humming our song off-key <3";
    private const string SamReflection = "A small surprise that says I thought of you means a lot to you.";

    [Fact]
    public async Task AlexAnswersSamAnswersTheyReflectAndUnderstandEachOther()
    {
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", ZoneWhereItIs.Daytime()), new Person("Sam", ZoneWhereItIs.Daytime(other: 1)));
        try
        {
            // Both open the paired home; both pages stay open (no reload) from here on.
            await new HomePage(alex).OpenAsync();
            await new HomePage(sam).OpenAsync();
            var alexCard = new QuestionCardSection(alex);
            var samCard = new QuestionCardSection(sam);
            await alexCard.ExpectStateAsync("NotAnswered");
            await samCard.ExpectStateAsync("NotAnswered");
            var question = (await samCard.QuestionText.InnerTextAsync()).Trim();
            Assert.False(string.IsNullOrWhiteSpace(question));
            await Expect(alexCard.QuestionText).ToHaveTextAsync(question);
            await Expect(samCard.PartnerStatus).ToContainTextAsync("Alex hasn't answered yet.");
            await Expect(samCard.AnswerField).ToBeVisibleAsync();
            await Expect(samCard.Card).ToContainTextAsync("0 / 2000");
            await Shot(sam, "checkin-01-sam-question-before-alex");

            // Alex answers: waiting for Sam.
            await alexCard.AnswerAsync(AlexAnswer);
            await alexCard.ExpectStateAsync("WaitingForPartner");
            await Expect(alexCard.MyAnswer).ToHaveTextAsync(AlexAnswer);
            await Expect(alexCard.PartnerStatus).ToContainTextAsync("Waiting for Sam.");
            await Shot(alex, "checkin-02-alex-answered-waiting-for-sam");

            // Sam's page, loaded before Alex answered, updates live: Alex has answered, and not a word of it shows.
            await Expect(samCard.PartnerStatus).ToContainTextAsync("Alex has answered. Your turn");
            await samCard.ExpectStateAsync("NotAnswered");
            await Expect(sam.Locator("body")).Not.ToContainTextAsync("plum cake");
            Assert.DoesNotContain("plum cake", await sam.ContentAsync());
            await Expect(samCard.Card.Locator("#partner-answer")).ToHaveCountAsync(0);
            // Nor in what the server sends a fresh load of Sam's home (prerendered HTML and carried-over state).
            var raw = await sam.Context.APIRequest.GetAsync("");
            Assert.True(raw.Ok, $"GET / answered {raw.Status}");
            Assert.DoesNotContain("plum cake", await raw.TextAsync());
            // Day one: no "0 days" and no empty chart, but whose turn it is to make it their first day together.
            await Expect(sam.Locator("#first-days-line")).ToHaveTextAsync("Alex did something today. Answer, thank or notice something too, and today is your first day together.");
            await Expect(sam.Locator("#streak-days, #week-card")).ToHaveCountAsync(0);
            await Shot(sam, "checkin-03-sam-live-alex-has-answered");

            // Sam answers: both answers, on both phones (Alex's live).
            await samCard.AnswerAsync(SamAnswer);
            await samCard.ExpectStateAsync("Revealed");
            await Expect(samCard.MyAnswer).ToHaveTextAsync(SamAnswer);
            await Expect(samCard.PartnerAnswer).ToHaveTextAsync(AlexAnswer);
            await Expect(samCard.SendHeart("Alex")).ToBeVisibleAsync();
            await Expect(samCard.ReflectionField("Alex")).ToBeVisibleAsync();
            await Shot(sam, "checkin-04-sam-both-answers");

            await alexCard.ExpectStateAsync("Revealed");
            await Expect(alexCard.MyAnswer).ToHaveTextAsync(AlexAnswer);
            await Expect(alexCard.PartnerAnswer).ToHaveTextAsync(SamAnswer); // "<3" as text, not markup
            await Expect(alexCard.ReflectionField("Sam")).ToBeVisibleAsync();
            await Shot(alex, "checkin-05-alex-live-both-answers");

            // Sam reflects Alex's answer back; Alex's page shows it live with "That's it" / "Not quite".
            await samCard.ReflectAsync("Alex", SamReflection);
            await Expect(samCard.MyReflectionVerdict).ToContainTextAsync("Waiting for Alex to say whether that's it.");
            await Shot(sam, "checkin-06-sam-reflected-back");

            await Expect(alexCard.PartnerReflection).ToHaveTextAsync(SamReflection);
            await Expect(alexCard.ThatsIt).ToBeVisibleAsync();
            await Expect(alexCard.NotQuite).ToBeVisibleAsync();
            await Expect(alexCard.Clarification).ToBeVisibleAsync();
            await Shot(alex, "checkin-07-alex-live-sams-reflection");

            // Alex: "That's it."
            await alexCard.ThatsIt.TapAsync();
            await Expect(alexCard.MyVerdict).ToHaveTextAsync("You said: \"That's it.\"");
            await Expect(alexCard.ThatsIt).ToHaveCountAsync(0);
            await Shot(alex, "checkin-08-alex-said-thats-it");

            // Sam sees it, live.
            await Expect(samCard.MyReflectionVerdict).ToHaveTextAsync("Alex: \"That's it.\" You understood each other.");
            await Shot(sam, "checkin-09-sam-live-thats-it");

            // The history lists today's question with both answers.
            await sam.GotoAsync("checkin/history");
            await sam.WaitUntilInteractiveAsync();
            var today = sam.Locator("#history li").First;
            await Expect(today).ToContainTextAsync(question);
            await Expect(today).ToContainTextAsync("Both answered");
            await Expect(today).ToContainTextAsync(AlexAnswer);
            await Expect(today).ToContainTextAsync(SamAnswer);
            await Shot(sam, "checkin-10-sam-history");
        }
        catch
        {
            await Shot(alex, "failure-checkin-alex");
            await Shot(sam, "failure-checkin-sam");

            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
