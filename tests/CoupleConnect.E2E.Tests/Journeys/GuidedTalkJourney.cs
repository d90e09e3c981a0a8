using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 16's guided talk on two 390×844 phones: Alex proposes "How we share the evenings" for now; Sam accepts from the
/// list; Alex speaks, Sam says it back, Alex answers "Not quite" with a note, Sam tries again, "That's it"; the roles swap,
/// Sam speaks, Alex says it back, "That's it"; two turns heard on both phones; Alex ends it and each names one thing
/// they'll try, which the other sees. Every page is axe-clean on the way, and nothing is reloaded by hand.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class GuidedTalkJourney(AppFixture app, ITestOutputHelper output)
{
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AGuidedTalkRunsTwoTurnsWithOneNotQuiteAndEachNamesOneThingToTry()
    {
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"));
        try
        {
            // Alex proposes a talk about the evenings, for now.
            var alexTalks = new TalksPage(alex);
            await alexTalks.OpenNewAsync();
            await alex.WaitUntilInteractiveAsync();
            await alexTalks.Suggestion("How we share the evenings").TapAsync();
            await Expect(alexTalks.Topic).ToHaveValueAsync("How we share the evenings");
            await alexTalks.Now.TapAsync();
            await alex.AssertNoAxeViolationsAsync("propose a talk", output, false, Blocking);
            await Shot(alex, "talk-journey-01-alex-proposes");
            await alexTalks.Invite.TapAsync();
            await Expect(alex).ToHaveURLAsync(new Regex(@"/talks/[0-9a-f-]{36}$"));
            var alexTalk = new TalkPage(alex);
            await Expect(alex.GetByText("Waiting for Sam")).ToBeVisibleAsync();

            // Sam finds it in the list and says yes: the talk begins on both phones.
            var samTalks = new TalksPage(sam);
            await samTalks.OpenAsync();
            await Expect(samTalks.List.GetByText("Waiting for your answer")).ToBeVisibleAsync();
            await sam.AssertNoAxeViolationsAsync("talks list", output, false, Blocking);
            await samTalks.List.GetByRole(AriaRole.Link, new() { Name = "How we share the evenings" }).TapAsync();
            var samTalk = new TalkPage(sam);
            await Expect(samTalk.Intent).ToHaveTextAsync("We want to understand each other better.");
            await sam.AssertNoAxeViolationsAsync("talk invitation", output, false, Blocking);
            await Shot(sam, "talk-journey-02-sam-invited");
            await samTalk.Accept.TapAsync();

            // Turn 1: Alex speaks; Sam listens, then says it back.
            await Expect(alexTalk.MyMove("Speak")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(alexTalk.TimeLeft).ToHaveTextAsync(new Regex(@"^(30|29) min left$"));
            await alex.AssertNoAxeViolationsAsync("talk, my turn to speak", output, false, Blocking);
            await alexTalk.WriteAsync("I feel alone when our evenings vanish into our phones. I'd love some time that's just us.", "Share with Sam");
            await Expect(samTalk.MyMove("Reflect")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(samTalk.Turn(1)).ToContainTextAsync("I feel alone when our evenings vanish");
            await sam.AssertNoAxeViolationsAsync("talk, my turn to reflect", output, false, Blocking);
            await samTalk.WriteAsync("You want us to put our phones away.", "Say it back");

            // "Not quite", with a note: back to Sam, no swap.
            await Expect(alexTalk.MyMove("Confirm")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await alex.AssertNoAxeViolationsAsync("talk, did they get it", output, false, Blocking);
            await Shot(alex, "talk-journey-03-alex-did-sam-get-it");
            await alexTalk.Clarification.FillAsync("More that I miss feeling close to you.");
            await alexTalk.NotQuite.TapAsync();
            await Expect(samTalk.MyMove("Reflect")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(samTalk.Move).ToContainTextAsync("Alex said \"not quite\"");
            await Expect(samTalk.Turn(1)).ToContainTextAsync("More that I miss feeling close to you.");
            await Expect(samTalk.TurnCount).ToHaveTextAsync("0 turns heard");
            await Shot(sam, "talk-journey-04-sam-tries-again");
            await samTalk.WriteAsync("You miss feeling close to me in the evenings, and some time just for us would help.", "Say it back");
            await Expect(alexTalk.MyMove("Confirm")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await alexTalk.ThatsIt.TapAsync();

            // Turn 2: the roles swap.
            await Expect(samTalk.MyMove("Speak")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(alexTalk.Waiting).ToContainTextAsync("Sam is writing what they feel and need");
            await Expect(alexTalk.TurnCount).ToHaveTextAsync("1 turn heard");
            await samTalk.WriteAsync("I'm tired after work and need a little quiet first. Then I'd love that time with you.", "Share with Alex");
            await Expect(alexTalk.MyMove("Reflect")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await alexTalk.WriteAsync("You need some quiet first after work, and then you'd like time together too.", "Say it back");
            await Expect(samTalk.MyMove("Confirm")).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await samTalk.ThatsIt.TapAsync();
            await Expect(samTalk.TurnCount).ToHaveTextAsync("2 turns heard", new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(alexTalk.TurnCount).ToHaveTextAsync("2 turns heard", new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Shot(alex, "talk-journey-05-alex-two-turns-heard");

            // Alex ends it; each names one small thing to try, and sees the other's.
            await alexTalk.End.TapAsync();
            await Expect(samTalk.Closing).ToBeVisibleAsync(new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(sam.Locator("#talk-ended")).ToContainTextAsync("Alex ended the talk. 2 turns heard.");
            await sam.AssertNoAxeViolationsAsync("talk, closing", output, false, Blocking);
            await alexTalk.NameNextStepAsync("I'll give you twenty quiet minutes, then suggest tea together.");
            await samTalk.NameNextStepAsync("I'll leave my phone in the hall after dinner.");
            await Expect(alexTalk.PartnersNextStep).ToContainTextAsync("I'll leave my phone in the hall after dinner.", new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(samTalk.PartnersNextStep).ToContainTextAsync("I'll give you twenty quiet minutes", new() { Timeout = (float)LiveWithin.TotalMilliseconds });
            await Expect(alexTalk.MyNextStep).ToContainTextAsync("I'll give you twenty quiet minutes");
            await Shot(sam, "talk-journey-06-sam-each-names-one-thing");
        }
        catch
        {
            await Shot(alex, "failure-talk-journey-alex");
            await Shot(sam, "failure-talk-journey-sam");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private static readonly string[] Blocking = ["minor", "moderate", "serious", "critical"];

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
