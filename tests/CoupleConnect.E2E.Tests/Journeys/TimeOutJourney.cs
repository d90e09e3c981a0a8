using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 16, section 1 on two 390x844 phones with the app's own background jobs: Alex calls a time-out in two taps
/// (Pause, then a return time); Sam's open home page shows it at once; Sam gets the app's notice and, at the return
/// time, both get the return reminder in the dev mailbox; both tap "Ready to talk" and the talk suggestion appears.
/// Twenty minutes is too long for a test: the test moves the return time (and the rows due then) to now, as the clock
/// would, and lets the real dispatcher and sender do the rest. Axe checks each state of /time-out.
/// </summary>
[Collection(RealAppWithJobsTests.Name)]
public sealed class TimeOutJourney(JobsAppFixture app, ITestOutputHelper output)
{
    private const string Notice = "A short pause for you and Alex";
    private const string ReturnReminder = "Time to come back together";

    private static readonly TimeSpan ArrivesWithin = TimeSpan.FromMinutes(2);

    private readonly Person _alex = new("Alex", "Europe/Berlin");
    private readonly Person _sam = new("Sam", "America/New_York");

    [Fact]
    public async Task AlexCallsATimeOutSamSeesItLiveBothGetTheReturnReminderAndBothReadySuggestATalk()
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
            await Shot(alex, "time-out-01-alex-chooses");
            await alex.AssertNoSeriousAxeViolationsAsync("time-out, choose when to come back", output);
            await alex.Locator("#pick-TwentyMinutes").TapAsync();
            await Expect(alex.Locator("#time-out-running")).ToContainTextAsync("Back together at");
            await Shot(alex, "time-out-02-alex-running");
            await alex.AssertNoSeriousAxeViolationsAsync("time-out, running (caller)", output);

            // Sam's home page, open the whole time, hears it.
            await Expect(sam.Locator("#time-out-banner")).ToContainTextAsync("Alex asked for a pause.");
            await Shot(sam, "time-out-03-sam-banner-live");
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
            await Shot(alex, "time-out-04-alex-sees-sam-ready");
            await alex.Locator("#time-out-ready").TapAsync();

            foreach (var phone in new[] { alex, sam })
            {
                await Expect(phone.Locator("#time-out-both-ready")).ToContainTextAsync("You're both ready");
                await Expect(phone.Locator("#time-out-start-talk")).ToHaveAttributeAsync("href", new Regex("talks/new$"));
            }

            await Shot(sam, "time-out-05-sam-both-ready");
            await sam.AssertNoSeriousAxeViolationsAsync("time-out, both ready", output);

            // Each email once, however many sender runs have passed.
            Assert.Single(DevMailboxFolder.Messages(app.Factory.MailboxPath, _sam.Email, Notice));
            Assert.Single(DevMailboxFolder.Messages(app.Factory.MailboxPath, _alex.Email, ReturnReminder));
            Assert.Single(DevMailboxFolder.Messages(app.Factory.MailboxPath, _sam.Email, ReturnReminder));
            Assert.Empty(DevMailboxFolder.Messages(app.Factory.MailboxPath, _alex.Email, Notice));
        }
        catch
        {
            await Shot(alex, "failure-time-out-alex");
            await Shot(sam, "failure-time-out-sam");
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

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
