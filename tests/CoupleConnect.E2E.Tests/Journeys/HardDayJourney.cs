using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 16's story in one run on two 390x844 phones with the app's own background jobs. A time-out: Alex calls it in
/// two taps (Pause, then a return time); Sam's open home page shows it at once; Sam gets the app's notice and, at the
/// return time, both get the return reminder in the dev mailbox; both tap "Ready to talk" and the talk suggestion
/// appears. The talk: Alex follows the suggestion, Sam accepts, two turns with one "Not quite", each names one thing to
/// try. Needs: Sam writes one with blame wording, sees the hint, rewrites it in her own words; Alex tries it and Sam
/// sees that live. Twenty minutes is too long for a test: it moves the return time (and the rows due then) to now, as
/// the clock would, and lets the real dispatcher and sender do the rest. Axe checks each state of /time-out; the talk's
/// and the needs' states are axe-checked in <see cref="GuidedTalkJourney"/> and <see cref="NeedsJourney"/>.
/// </summary>
[Collection(RealAppWithJobsTests.Name)]
public sealed class HardDayJourney(JobsAppFixture app, ITestOutputHelper output)
{
    private const string Notice = "A short pause for you and Alex";
    private const string ReturnReminder = "Time to come back together";

    private static readonly TimeSpan ArrivesWithin = TimeSpan.FromMinutes(2);

    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 10_000 };

    private readonly Person _alex = new("Alex", "Europe/Berlin");
    private readonly Person _sam = new("Sam", "America/New_York");

    [Fact]
    public async Task ATimeOutThenATalkThatListensThenANeedSaidKindly()
    {
        var (alex, sam) = await app.PairedPhonesAsync(_alex, _sam);
        try
        {
            await sam.GotoAsync("");
            await sam.WaitUntilInteractiveAsync();
            await alex.GotoAsync("");
            await alex.WaitUntilInteractiveAsync();

            // Two taps: Pause, then a return time.
            await alex.Locator("#pause-button").TapAsync();
            await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "When would you like to come back?" })).ToBeVisibleAsync();
            await alex.WaitUntilInteractiveAsync();
            await Shot(alex, "hard-day-01-alex-chooses");
            await alex.AssertNoSeriousAxeViolationsAsync("time-out, choose when to come back", output);
            await alex.Locator("#pick-TwentyMinutes").TapAsync();
            await Expect(alex.Locator("#time-out-running")).ToContainTextAsync("Back together at");
            await Shot(alex, "hard-day-02-alex-running");
            await alex.AssertNoSeriousAxeViolationsAsync("time-out, running (caller)", output);

            // Sam's home page, open the whole time, hears it.
            await Expect(sam.Locator("#time-out-banner")).ToContainTextAsync("Alex asked for a pause.");
            await Shot(sam, "hard-day-03-sam-banner-live");
            var notice = await DevMailboxFolder.WaitForAsync(app.Factory.MailboxPath, _sam.Email, Notice, DateTimeOffset.UtcNow + ArrivesWithin);
            Assert.Contains("Nothing is needed from you except to pause too.", notice.Message.TextBody, StringComparison.Ordinal);
            await sam.Locator("#time-out-banner").GetByRole(AriaRole.Link).TapAsync();
            await Expect(sam.Locator("#time-out-running")).ToContainTextAsync("Alex asked for a pause");
            await sam.AssertNoSeriousAxeViolationsAsync("time-out, running (partner)", output);

            await TheReturnTimeComesAsync();
            await DevMailboxFolder.WaitForAsync(app.Factory.MailboxPath, _alex.Email, ReturnReminder, DateTimeOffset.UtcNow + ArrivesWithin);
            await DevMailboxFolder.WaitForAsync(app.Factory.MailboxPath, _sam.Email, ReturnReminder, DateTimeOffset.UtcNow + ArrivesWithin);

            await alex.ReloadAsync();
            await sam.ReloadAsync();
            await Expect(alex.Locator("#time-out-over")).ToBeVisibleAsync();
            await Expect(sam.Locator("#time-out-over")).ToBeVisibleAsync();
            await alex.WaitUntilInteractiveAsync();
            await sam.WaitUntilInteractiveAsync();
            await alex.AssertNoSeriousAxeViolationsAsync("time-out, over", output);

            await sam.Locator("#time-out-ready").TapAsync();
            await Expect(sam.Locator("#time-out-i-am-ready")).ToBeVisibleAsync();
            await Expect(alex.Locator("#time-out-partner-ready")).ToHaveTextAsync("Sam is ready when you are.");
            await Shot(alex, "hard-day-04-alex-sees-sam-ready");
            await alex.Locator("#time-out-ready").TapAsync();

            foreach (var phone in new[] { alex, sam })
            {
                await Expect(phone.Locator("#time-out-both-ready")).ToContainTextAsync("You're both ready");
                await Expect(phone.Locator("#time-out-start-talk")).ToHaveAttributeAsync("href", new Regex("talks/new$"));
            }

            await Shot(sam, "hard-day-05-sam-both-ready");
            await sam.AssertNoSeriousAxeViolationsAsync("time-out, both ready", output);

            // The talk the pause led to: Alex follows the suggestion; Sam says yes from the list.
            await alex.Locator("#time-out-start-talk").TapAsync();
            await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "Propose a talk", Level = 1 })).ToBeVisibleAsync();
            await alex.WaitUntilInteractiveAsync();
            var alexTalks = new TalksPage(alex);
            await alexTalks.Suggestion("How we share the evenings").TapAsync();
            await alexTalks.Now.TapAsync();
            await alexTalks.Invite.TapAsync();
            await Expect(alex).ToHaveURLAsync(new Regex(@"/talks/[0-9a-f-]{36}$"));
            var samTalks = new TalksPage(sam);
            await samTalks.OpenAsync();
            await samTalks.List.GetByRole(AriaRole.Link, new() { Name = "How we share the evenings" }).TapAsync();
            var samTalk = new TalkPage(sam);
            await samTalk.Accept.TapAsync();
            var alexTalk = new TalkPage(alex);

            // Turn 1, with one "Not quite": Alex speaks, Sam says it back twice.
            await Expect(alexTalk.MyMove("Speak")).ToBeVisibleAsync(Live);
            await alexTalk.WriteAsync("I feel alone when our evenings vanish into our phones.", "Share with Sam");
            await Expect(samTalk.MyMove("Reflect")).ToBeVisibleAsync(Live);
            await samTalk.WriteAsync("You want us to put our phones away.", "Say it back");
            await Expect(alexTalk.MyMove("Confirm")).ToBeVisibleAsync(Live);
            await alexTalk.Clarification.FillAsync("More that I miss feeling close to you.");
            await alexTalk.NotQuite.TapAsync();
            await Expect(samTalk.MyMove("Reflect")).ToBeVisibleAsync(Live);
            await Expect(samTalk.TurnCount).ToHaveTextAsync("0 turns heard");
            await samTalk.WriteAsync("You miss feeling close to me in the evenings.", "Say it back");
            await Expect(alexTalk.MyMove("Confirm")).ToBeVisibleAsync(Live);
            await alexTalk.ThatsIt.TapAsync();

            // Turn 2: the roles swap.
            await Expect(samTalk.MyMove("Speak")).ToBeVisibleAsync(Live);
            await samTalk.WriteAsync("I need a little quiet after work first.", "Share with Alex");
            await Expect(alexTalk.MyMove("Reflect")).ToBeVisibleAsync(Live);
            await alexTalk.WriteAsync("You need some quiet first after work.", "Say it back");
            await Expect(samTalk.MyMove("Confirm")).ToBeVisibleAsync(Live);
            await samTalk.ThatsIt.TapAsync();
            await Expect(alexTalk.TurnCount).ToHaveTextAsync("2 turns heard", new() { Timeout = 10_000 });

            // Each names one small thing to try, and sees the other's.
            await alexTalk.End.TapAsync();
            await Expect(samTalk.Closing).ToBeVisibleAsync(Live);
            await alexTalk.NameNextStepAsync("Twenty quiet minutes for you, then tea together.");
            await samTalk.NameNextStepAsync("My phone stays in the hall after dinner.");
            await Expect(alexTalk.PartnersNextStep).ToContainTextAsync("My phone stays in the hall", new() { Timeout = 10_000 });
            await Expect(samTalk.PartnersNextStep).ToContainTextAsync("Twenty quiet minutes for you", new() { Timeout = 10_000 });
            await Shot(sam, "hard-day-06-sam-each-names-one-thing");

            // A need, said kindly: Sam's blaming first draft gets the hint; Sam rewrites it herself and saves.
            await OpenNeedsAsync(alex);
            await OpenNeedsAsync(sam);
            await sam.Locator("#need-text").FillAsync("Why don't you ever ask about my day?");
            await Expect(sam.Locator("#need-text-hint")).ToContainTextAsync("A gentle thought");
            await Shot(sam, "hard-day-07-sam-blame-hint");
            await sam.Locator("#need-text").FillAsync("I feel close when we tell each other about our day at dinner.");
            await Expect(sam.Locator("#need-text-hint")).ToHaveCountAsync(0);
            await sam.Locator("#need-text-save").ClickAsync();
            var samsNeed = sam.Locator("[data-my-need]");
            await Expect(samsNeed).ToContainTextAsync("I feel close when we tell each other about our day at dinner.");
            var onAlexsPage = alex.Locator("[data-partner-need]");
            await Expect(onAlexsPage).ToContainTextAsync("I feel close when we tell each other about our day at dinner.", new() { Timeout = 10_000 });
            await onAlexsPage.GetByRole(AriaRole.Button, new() { Name = "I'll try this" }).ClickAsync();
            await Expect(samsNeed.Locator("[data-being-tried]")).ToContainTextAsync(new Regex("Alex has been trying this since"), new() { Timeout = 10_000 });
            await Shot(sam, "hard-day-08-sam-sees-alex-trying");

            // Each email once, however many sender runs have passed.
            Assert.Single(DevMailboxFolder.Messages(app.Factory.MailboxPath, _sam.Email, Notice));
            Assert.Single(DevMailboxFolder.Messages(app.Factory.MailboxPath, _alex.Email, ReturnReminder));
            Assert.Single(DevMailboxFolder.Messages(app.Factory.MailboxPath, _sam.Email, ReturnReminder));
            Assert.Empty(DevMailboxFolder.Messages(app.Factory.MailboxPath, _alex.Email, Notice));
        }
        catch
        {
            await Shot(alex, "failure-hard-day-alex");
            await Shot(sam, "failure-hard-day-sam");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    /// <summary>As twenty minutes passing would: the time-out's return time, and its reminders' due time, become now.</summary>
    private async Task TheReturnTimeComesAsync()
    {
        var alexId = await app.UserIdOfAsync(_alex.Email);
        var moved = await app.ExecuteSqlAsync(
            """
            WITH moved AS (
                UPDATE time_outs SET called_at = now() - interval '20 minutes', return_at = now()
                WHERE called_by_id = @alex
                RETURNING id)
            UPDATE reminder_outbox SET due_utc = now(), next_attempt_utc = now()
            WHERE subject_id IN (SELECT id FROM moved) AND kind = 'TimeOutReturn' AND status = 'Pending'
            """,
            ("alex", alexId));
        Assert.Equal(2, moved);
    }

    private static async Task OpenNeedsAsync(IPage page)
    {
        await page.GotoAsync("needs");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#my-needs")).ToBeVisibleAsync();
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
