using System.Globalization;
using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// The morning question email, for real: Alex (paired with Sam) sets the question reminder to the next minute on a
/// phone; the app's own Hangfire jobs (the every-minute dispatcher, then the sender) put the email in the dev mailbox
/// within two minutes of that time; its button opens today's question; its visible unsubscribe link turns exactly that
/// reminder off, and the undo turns it back on.
/// </summary>
[Collection(RealAppWithJobsTests.Name)]
public sealed class ReminderEmailJourney(JobsAppFixture app, ITestOutputHelper output)
{
    private const string Subject = "Today's question for you and Sam";

    /// <summary>A time closer than this is too close to save before it passes: take the minute after.</summary>
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(20);

    /// <summary>The issue's promise: the reminder arrives within two minutes of the time set.</summary>
    private static readonly TimeSpan ArrivesWithin = TimeSpan.FromMinutes(2);

    private readonly Person _alex = new("Alex", "Europe/Berlin");
    private readonly Person _sam = new("Sam", "America/New_York");

    [Fact]
    public async Task AlexSetsTheQuestionReminderToTheNextMinuteAndItsEmailLeadsToTheQuestionAndUnsubscribes()
    {
        // Reminders start once there is a partner: Alex is paired with Sam, who needs no phone here.
        var alex = await app.PairedInvitersPhoneAsync(_alex, _sam);
        IPage? settingsTab = null;
        try
        {
            var alexId = await app.UserIdOfAsync(_alex.Email);

            var due = await SetTheQuestionReminderToTheNextMinuteAsync(alex, alexId);
            var email = await TheEmailArrivesInTimeAsync(due);
            var question = email.TextParagraphs[1];
            Assert.Equal("Today's question", email.TextParagraphs[0]);
            Assert.False(string.IsNullOrWhiteSpace(question));

            await TheMailboxListsItAndItsButtonOpensTodaysQuestionAsync(alex, email, question);
            settingsTab = await ItsUnsubscribeLinkTurnsTheQuestionReminderOffAsync(alex, email, alexId);
            await UndoTurnsItBackOnAsync(alex, settingsTab, alexId);

            // Exactly once, however many dispatcher runs have passed since.
            Assert.Single(DevMailboxFolder.Messages(app.Factory.MailboxPath, _alex.Email, Subject));
        }
        catch
        {
            await Shot(alex, "failure-reminder-alex");
            if (settingsTab is not null)
            {
                await Shot(settingsTab, "failure-reminder-alex-settings");
            }

            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
        }
    }

    /// <summary>Saves the morning question time as the next whole minute on Alex's clock (Berlin); returns that instant.</summary>
    private async Task<DateTimeOffset> SetTheQuestionReminderToTheNextMinuteAsync(IPage alex, string alexId)
    {
        var reminders = new RemindersPage(alex);
        await reminders.OpenAsync();
        await Expect(reminders.QuestionReminder).ToBeCheckedAsync();
        await Expect(reminders.QuestionTime).ToHaveValueAsync("08:00");
        await Shot(alex, "reminder-01-alex-reminders");

        var due = NextWholeMinute(DateTimeOffset.UtcNow, SafetyMargin);
        var localTime = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(_alex.TimeZone)).ToString("HH:mm", CultureInfo.InvariantCulture);
        output.WriteLine($"Question reminder set to {localTime} {_alex.TimeZone} ({due:HH:mm:ss} UTC), at {DateTimeOffset.UtcNow:HH:mm:ss.fff} UTC");
        await reminders.QuestionTime.FillAsync(localTime);
        await reminders.Save.TapAsync();
        await Expect(reminders.Saved).ToBeVisibleAsync();
        await Expect(reminders.QuestionTime).ToHaveValueAsync(localTime);
        await Shot(alex, "reminder-02-alex-saved-next-minute");

        // The schedule row now names that very minute (not tomorrow's): the dispatcher will find it due then.
        var planned = await app.QueryScalarAsync<DateTime>(
            "SELECT next_due_utc FROM reminder_schedules WHERE user_id = @user AND kind = 'DailyQuestion'", ("user", alexId));
        Assert.Equal(due.UtcDateTime, planned);
        return due;
    }

    /// <summary>Waits (looking every half second) for the email, up to two minutes after the time set.</summary>
    private async Task<CapturedEmail> TheEmailArrivesInTimeAsync(DateTimeOffset due)
    {
        var email = await DevMailboxFolder.WaitForAsync(app.Factory.MailboxPath, _alex.Email, Subject, due + ArrivesWithin);
        var late = email.WrittenAt - due;
        output.WriteLine($"The email reached the dev mailbox at {email.WrittenAt:HH:mm:ss.fff} UTC, {late.TotalSeconds:0.0} s after the time set.");
        Assert.InRange(late, TimeSpan.Zero, ArrivesWithin); // never early: it's a reminder for that time of day

        var to = Assert.Single(email.Message.To.Mailboxes);
        Assert.Equal((_alex.Email, "Alex"), (to.Address, to.Name));
        Assert.Equal(Subject, email.Message.Subject);
        Assert.Contains("List-Unsubscribe=One-Click", email.Message.Headers["List-Unsubscribe-Post"], StringComparison.Ordinal);
        Assert.StartsWith("<" + app.BaseAddress + "unsubscribe/one-click?token=", email.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        return email;
    }

    /// <summary>The mailbox shows the email; its button (as Alex's mail app shows the HTML) opens today's question.</summary>
    private async Task TheMailboxListsItAndItsButtonOpensTodaysQuestionAsync(IPage alex, CapturedEmail email, string question)
    {
        await alex.GotoAsync("dev/mailbox");
        var mailbox = new DevMailboxPage(alex);
        await mailbox.OpenMessageAsync(_alex.Email, Subject);
        await Expect(alex).ToHaveURLAsync(new Regex(Regex.Escape(email.Id) + "$"));
        await Shot(alex, "reminder-03-alex-dev-mailbox");

        var message = new ReminderEmail(alex);
        await message.OpenAsync(email.Id);
        await Expect(message.Heading).ToHaveTextAsync("Today's question");
        await Expect(alex.GetByText(question, new() { Exact = true })).ToBeVisibleAsync();
        await Shot(alex, "reminder-04-alex-email");

        await message.AnswerTodaysQuestion.TapAsync();
        await Expect(alex).ToHaveURLAsync(new Regex(Regex.Escape(app.BaseAddress) + @"checkin/\d{4}-\d{2}-\d{2}$"));
        await alex.WaitUntilInteractiveAsync();
        var card = new QuestionCardSection(alex);
        await Expect(card.QuestionText).ToHaveTextAsync(question);
        await card.ExpectStateAsync("NotAnswered");
        await Expect(card.AnswerField).ToBeVisibleAsync();
        await Shot(alex, "reminder-05-alex-todays-question-from-the-email");
    }

    /// <summary>
    /// The email's visible unsubscribe link asks, then turns the question reminder off (and nothing else); the settings,
    /// opened in a second tab, show it off. Returns that tab.
    /// </summary>
    private async Task<IPage> ItsUnsubscribeLinkTurnsTheQuestionReminderOffAsync(IPage alex, CapturedEmail email, string alexId)
    {
        var message = new ReminderEmail(alex);
        await message.OpenAsync(email.Id);
        await message.StopMorningQuestionEmails.TapAsync();
        await Expect(alex).ToHaveURLAsync(new Regex(Regex.Escape(app.BaseAddress) + @"unsubscribe\?token="));
        var unsubscribe = new UnsubscribePage(alex);
        await Expect(unsubscribe.Heading).ToHaveTextAsync("Stop morning question emails?");
        await Shot(alex, "reminder-06-alex-unsubscribe-asks");

        // Opening the link changed nothing (mail scanners open links): the button does.
        Assert.Equal(1L, await QuestionScheduleRowsAsync(alexId));
        await unsubscribe.Confirm.TapAsync();
        await Expect(unsubscribe.Heading).ToHaveTextAsync("Unsubscribed");
        await Expect(unsubscribe.Done).ToContainTextAsync("You won't get morning question emails any more.");
        await Expect(unsubscribe.Undo).ToBeVisibleAsync();
        await Shot(alex, "reminder-07-alex-unsubscribed");
        Assert.Equal(0L, await QuestionScheduleRowsAsync(alexId));

        var settingsTab = await alex.Context.NewPageAsync();
        var reminders = new RemindersPage(settingsTab);
        await reminders.OpenAsync();
        await Expect(reminders.QuestionReminder).Not.ToBeCheckedAsync();
        await Expect(reminders.QuestionTime).ToBeDisabledAsync();
        await Expect(reminders.GratitudeReminder).ToBeCheckedAsync(); // only that kind
        await Shot(settingsTab, "reminder-08-alex-reminders-question-off");
        return settingsTab;
    }

    /// <summary>Back on the unsubscribe page: undo turns the reminder back on, as the settings show after a reload.</summary>
    private async Task UndoTurnsItBackOnAsync(IPage alex, IPage settingsTab, string alexId)
    {
        var unsubscribe = new UnsubscribePage(alex);
        await unsubscribe.Undo.TapAsync();
        await Expect(unsubscribe.Heading).ToHaveTextAsync("Back on");
        await Expect(unsubscribe.Undone).ToContainTextAsync("You'll get morning question emails again");
        await Shot(alex, "reminder-09-alex-back-on");
        Assert.Equal(1L, await QuestionScheduleRowsAsync(alexId));

        var reminders = new RemindersPage(settingsTab);
        await reminders.OpenAsync();
        await Expect(reminders.QuestionReminder).ToBeCheckedAsync();
        await Expect(reminders.QuestionTime).ToBeEnabledAsync();
        await Shot(settingsTab, "reminder-10-alex-reminders-question-back-on");
    }

    /// <summary>The next whole minute after <paramref name="now"/> that is at least <paramref name="margin"/> away.</summary>
    private static DateTimeOffset NextWholeMinute(DateTimeOffset now, TimeSpan margin)
    {
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        return next - now < margin ? next.AddMinutes(1) : next;
    }

    private async Task<long> QuestionScheduleRowsAsync(string userId) =>
        await app.QueryScalarAsync<long>("SELECT count(*) FROM reminder_schedules WHERE user_id = @user AND kind = 'DailyQuestion'", ("user", userId));

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
