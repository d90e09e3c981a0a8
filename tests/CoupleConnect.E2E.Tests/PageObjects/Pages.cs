using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.PageObjects;

// Small page objects: the locators a person would use (labels, roles, visible names) and the one or two actions per page.

public sealed class LandingPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Small habits. Closer together.", Level = 1 });

    public ILocator CreateAccount => page.GetByRole(AriaRole.Link, new() { Name = "Create your account" });

    public async Task OpenAsync()
    {
        await page.GotoAsync("");
        await Expect(Heading).ToBeVisibleAsync();
    }
}

public sealed class RegisterPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Create your account", Level = 1 });

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Name => page.GetByLabel("Your name", new() { Exact = true });

    public ILocator TimeZone => page.GetByLabel("Your time zone", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator PasswordAgain => page.GetByLabel("Password again", new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Create account" });

    public async Task OpenAsync()
    {
        await page.GotoAsync("Account/Register");
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task FillAsync(string email, string name, string password)
    {
        await Email.FillAsync(email);
        await Name.FillAsync(name);
        await Password.FillAsync(password);
        await PasswordAgain.FillAsync(password);
    }
}

public sealed class CheckEmailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 });

    public ILocator DevMailboxLink => page.GetByRole(AriaRole.Link, new() { Name = "dev mailbox" });
}

public sealed class DevMailboxPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Dev mailbox", Level = 1 });

    /// <summary>The captured message to <paramref name="email"/> (the list holds every test's mail, newest first).</summary>
    public ILocator MessageTo(string email) =>
        page.GetByRole(AriaRole.List, new() { Name = "Captured emails" })
            .GetByRole(AriaRole.Link)
            .Filter(new() { HasText = email });

    public ILocator MessageHeading(string subject) => page.GetByRole(AriaRole.Heading, new() { Name = subject, Level = 1 });

    /// <summary>Opens the message once the page is usable (signed in, a tap while its circuit starts can bounce back to the list).</summary>
    public async Task OpenMessageAsync(string email, string subject)
    {
        await Expect(Heading).ToBeVisibleAsync();
        await page.WaitUntilUsableAsync();
        await Message(email, subject).TapAsync();

        // Once in a full run (CoupleSettingsJourney, December 2026) the tap left the list in place, as the invite
        // button's first tap once did (cause not found). A person would tap again, so the test does too, once.
        if (!await MessageHeading(subject).AppearsWithinAsync(TimeSpan.FromSeconds(7)) && await Message(email, subject).IsVisibleAsync())
        {
            await Message(email, subject).TapAsync();
        }

        await Expect(MessageHeading(subject)).ToBeVisibleAsync();
    }

    /// <summary>A captured message by recipient and subject, e.g. the "partner left" email after a confirmation email to the same address.</summary>
    public ILocator Message(string email, string subject) => MessageTo(email).Filter(new() { HasText = subject });

    // "\/", not "/": Playwright .NET passes the pattern through as /pattern/ and a bare slash breaks its selector parser.
    public ILocator ConfirmationLink => page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"Account\/ConfirmEmail\?userId=") });
}

public sealed class ConfirmEmailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "You're all set", Level = 1 });

    public ILocator Confirmed => page.GetByText(new Regex("(email is confirmed|thank you for confirming your email)", RegexOptions.IgnoreCase));

    /// <summary>The page's own way on to signing in (the bottom navigation has a "Sign in" too).</summary>
    public ILocator SignIn => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" });
}

public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Log in|Sign in)$") });

    public async Task OpenAsync()
    {
        await page.GotoAsync("Account/Login");
        await Expect(Email).ToBeVisibleAsync();
    }

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.TapAsync();
    }
}

public sealed class HomePage(IPage page)
{
    public ILocator Main => page.GetByRole(AriaRole.Main);

    public ILocator ConnectPartnerCard => page.Locator("#connect-partner");

    /// <summary>The notice that the couple has just been connected ("Sam joined you.", "You and Alex are connected.").</summary>
    public ILocator PartnerJoined => page.Locator("#partner-joined");

    public ILocator ConnectPartnerHeading => ConnectPartnerCard.GetByRole(AriaRole.Heading, new() { Name = "Connect with your partner" });

    public ILocator Welcome(string displayName) => page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {displayName}", Level = 1 });

    // The unpaired home: the invite card and the code entry.
    public ILocator InviteMyPartner => page.GetByRole(AriaRole.Button, new() { Name = "Invite my partner" });

    public ILocator InviteCode => page.Locator("#invite-code");

    public ILocator InviteLink => page.Locator("#invite-link");

    public ILocator CodeEntry => page.Locator("#code-entry");

    public ILocator CodeField => page.GetByLabel("Invite code", new() { Exact = true });

    public ILocator Continue => CodeEntry.GetByRole(AriaRole.Button, new() { Name = "Continue" });

    public ILocator EndedNotice => page.Locator("#archive-notice");

    public ILocator DownloadArchive => EndedNotice.GetByRole(AriaRole.Link, new() { Name = "download what you shared" });

    // The paired home.
    public ILocator OurCouple => page.Locator("#our-couple");

    public ILocator CoupleName => OurCouple.GetByRole(AriaRole.Heading, new() { Level = 2 });

    public ILocator PartnerLine => page.Locator("#partner-line");

    public async Task OpenAsync()
    {
        await page.GotoAsync("");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#connect-partner, #our-couple").First).ToBeVisibleAsync();
    }

    /// <summary>Taps "Invite my partner" and returns the link and the code as shown.</summary>
    public async Task<(string Link, string Code)> CreateInviteAsync()
    {
        await page.WaitUntilInteractiveAsync();
        await InviteMyPartner.TapAsync();

        // Once in CI (Dark axe audit, December 2026) the first tap on a freshly connected phone did nothing: no invite, no error, the
        // button still enabled (cause not found). A person would tap again, so the test does too, once, while the
        // button is still there and enabled; a second tap that also does nothing still fails below.
        if (!await InviteCode.AppearsWithinAsync(TimeSpan.FromSeconds(7)) && await InviteMyPartner.IsVisibleAsync() && await InviteMyPartner.IsEnabledAsync())
        {
            await InviteMyPartner.TapAsync();
        }

        await Expect(InviteCode).ToHaveTextAsync(new Regex(@"^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$"));
        await Expect(InviteLink).ToContainTextAsync("/join/");
        return ((await InviteLink.InnerTextAsync()).Trim(), (await InviteCode.InnerTextAsync()).Trim());
    }
}

/// <summary>/join/{token}, and the same panel inside the code entry on the home page.</summary>
public sealed class JoinPage(IPage page)
{
    public ILocator Invited(string inviter) => page.GetByRole(AriaRole.Heading, new() { Name = $"{inviter} invited you to CoupleConnect" });

    public ILocator CreateMyAccount => page.GetByRole(AriaRole.Link, new() { Name = "Create my account" });

    public ILocator IHaveAnAccount => page.GetByRole(AriaRole.Link, new() { Name = "I already have an account" });

    public ILocator Question(string inviter) => page.GetByRole(AriaRole.Heading, new() { Name = $"Join {inviter}?" });

    public ILocator JoinButton(string inviter) => page.GetByRole(AriaRole.Button, new() { Name = $"Join {inviter}", Exact = true });

    public ILocator Problem => page.Locator("#join-problem");

    /// <summary>Signed in: opens the link and confirms; the couple's home says they're connected.</summary>
    public async Task JoinByLinkAsync(string link, string inviter)
    {
        await page.GotoAsync(link);
        await page.WaitUntilInteractiveAsync();
        await JoinButton(inviter).TapAsync();
        await Expect(new HomePage(page).PartnerJoined).ToBeVisibleAsync();
    }
}

public sealed class CoupleSettingsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Couple settings", Level = 1 });

    public ILocator Name => page.GetByLabel("Couple name", new() { Exact = true });

    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });

    public ILocator LeaveConfirmation => page.GetByLabel("Type \"leave\" to confirm", new() { Exact = true });

    public ILocator Leave => page.GetByRole(AriaRole.Button, new() { Name = "Leave the couple" });

    public ILocator LeaveQuietlyChoice => page.GetByRole(AriaRole.Radio, new() { Name = "Quietly, later" });

    public ILocator TellPartnerWhen(string partnerName) => page.GetByLabel($"Tell {partnerName}", new() { Exact = true });

    public ILocator RemoveMyWords(string partnerName) => page.GetByLabel($"Remove my words from what {partnerName} keeps", new() { Exact = true });

    public ILocator LeaveQuietly => page.GetByRole(AriaRole.Button, new() { Name = "Leave quietly" });

    public ILocator DownloadMyCopy => page.GetByRole(AriaRole.Link, new() { Name = "Download your own copy" });

    public ILocator SafetyLink => page.Locator("#leave-safety").GetByRole(AriaRole.Link, new() { Name = "If you don't feel safe with your partner" });

    public async Task OpenAsync()
    {
        await page.GotoAsync("couple/settings");
        await page.WaitUntilInteractiveAsync();
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Name).ToBeVisibleAsync();
    }
}

/// <summary>The daily question card (on the paired home and on /checkin/{day}): answer, the reveal, reflect back.</summary>
public sealed class QuestionCardSection(IPage page)
{
    public ILocator Card => page.Locator("#question-card");

    public ILocator QuestionText => Card.GetByRole(AriaRole.Heading, new() { Level = 2 });

    public ILocator PartnerStatus => Card.Locator("#partner-status");

    public ILocator AnswerField => Card.GetByLabel("Your answer", new() { Exact = true });

    public ILocator Share => Card.GetByRole(AriaRole.Button, new() { Name = "Share my answer" });

    public ILocator MyAnswer => Card.Locator("#my-answer .cc-answer__text");

    public ILocator PartnerAnswer => Card.Locator("#partner-answer .cc-answer__text");

    public ILocator SendHeart(string partner) => Card.GetByRole(AriaRole.Button, new() { Name = $"Send {partner} a heart" });

    public ILocator ReflectionField(string partner) => Card.GetByLabel($"What I hear you saying, {partner}, is…", new() { Exact = true });

    public ILocator SendReflection => Card.GetByRole(AriaRole.Button, new() { Name = "Send my reflection" });

    public ILocator PartnerReflection => Card.Locator("#partner-reflection .cc-answer__text");

    public ILocator ThatsIt => Card.Locator("#thats-it");

    public ILocator NotQuite => Card.Locator("#not-quite");

    public ILocator Clarification => Card.GetByLabel("Anything to add? (optional)", new() { Exact = true });

    public ILocator MyVerdict => Card.Locator("#my-verdict");

    public ILocator MyReflectionVerdict => Card.Locator("#my-reflection-verdict");

    public Task ExpectStateAsync(string state) => Expect(Card).ToHaveAttributeAsync("data-state", state);

    /// <summary>Writes and shares an answer; returns once the card has left the "not answered" state.</summary>
    public async Task AnswerAsync(string text)
    {
        await AnswerField.FillAsync(text);
        await Share.TapAsync(); // auto-waits for the button to enable (the field's value arrives after a short debounce)
        await Expect(Card).ToHaveAttributeAsync("data-state", new Regex("^(WaitingForPartner|WaitingForReveal|OpensInTheMorning|Revealed)$"));
    }

    public async Task ReflectAsync(string partner, string paraphrase)
    {
        await ReflectionField(partner).FillAsync(paraphrase);
        await SendReflection.TapAsync();
        await Expect(Card.Locator("#my-reflection .cc-answer__text")).ToHaveTextAsync(paraphrase);
    }
}

/// <summary>The top of the paired home (docs/adr/0029): the one thing now, then one line for each other thing today.</summary>
public sealed class CoupleHomeSection(IPage page)
{
    /// <summary>The first section; its data-now says what it holds: Question, Gratitude, Ritual or AllDone.</summary>
    public ILocator First => page.Locator("#now-first");

    public ILocator AlsoToday => page.Locator("#also-today");

    public ILocator QuestionStatus => AlsoToday.Locator("#also-question-status");

    public ILocator GratitudeStatus => AlsoToday.Locator("#also-gratitude-status");
}

/// <summary>The shared dashboard's glanceable cards on the paired home: this week against last, the streak.</summary>
public sealed class DashboardSection(IPage page)
{
    public ILocator Week => page.Locator("#week-card");

    /// <summary>"you noticed" this week: what the person looking logged or wrote about their partner.</summary>
    public ILocator MyWeekCount => Week.Locator("#week-mine .cc-week__count");

    /// <summary>"{partner} noticed" this week.</summary>
    public ILocator PartnersWeekCount => Week.Locator("#week-partners .cc-week__count");

    public ILocator Chart => Week.GetByRole(AriaRole.Img, new() { Name = "Positives per week, last 12 weeks" });

    public ILocator Streak => page.Locator("#streak-card");

    public ILocator StreakDays => Streak.Locator("#streak-days");

    public ILocator StreakLine => Streak.Locator("#streak-line");

    public ILocator Rituals => page.Locator("#rituals-card");
}

/// <summary>"Notice something {partner} did": a kind, then "Log it" (two taps); a note or another day behind a link.</summary>
public sealed class LogPositiveSection(IPage page)
{
    public ILocator Card => page.Locator("#log-positive");

    /// <summary>A kind's chip (a toggle button), by the name it shows (e.g. "Help", "Kind word or tone").</summary>
    public ILocator Kind(string name) => Kinds.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The chips' group is named by the card's heading.</summary>
    public ILocator Kinds => Card.GetByRole(AriaRole.Group, new() { NameRegex = KindsName });

    public ILocator ChosenKind => Kinds.Locator("[aria-pressed='true']");

    private static readonly Regex KindsName = new("^Notice something .+ did$");

    public ILocator AddDetails => Card.GetByRole(AriaRole.Button, new() { Name = "Add a note or another day" });

    public ILocator Note => Card.GetByLabel("Note (optional)", new() { Exact = true });

    public ILocator Day => Card.GetByLabel("Day it happened", new() { Exact = true });

    public ILocator LogIt => Card.GetByRole(AriaRole.Button, new() { Name = "Log it", Exact = true });

    public ILocator Error => Card.Locator("#positive-error");

    /// <summary>Two taps (the kind, "Log it"); with a note, the details link and the note in between.</summary>
    public async Task LogAsync(string kind, string? note = null)
    {
        await Kind(kind).TapAsync();
        await Expect(Kind(kind)).ToHaveAttributeAsync("aria-pressed", "true");
        if (note is not null)
        {
            await AddDetails.TapAsync();
            await Note.FillAsync(note);
        }

        await LogIt.TapAsync();
        await Expect(page.GetByText(new Regex(@"^Logged\. .+ will see it\.$"))).ToBeVisibleAsync();
    }
}

/// <summary>"Noticed lately": the latest positives and gratitude both ways, newest first, with acknowledgements.</summary>
public sealed class PositiveFeedSection(IPage page)
{
    public ILocator Feed => page.Locator("#positive-feed");

    public ILocator Empty => Feed.Locator("#positive-feed-empty");

    public ILocator Items => Feed.Locator("li.cc-feed__item");

    /// <summary>One entry, by any text it shows (its kind, note or who noticed).</summary>
    public ILocator Entry(string text) => Items.Filter(new() { HasText = text });

    /// <summary>An entry's "That meant a lot" button (only on entries about the person looking, until they tap it).</summary>
    public static ILocator ThatMeantALot(ILocator entry) => entry.GetByRole(AriaRole.Button, new() { Name = "That meant a lot" });

    /// <summary>An entry's "… said it meant a lot" line.</summary>
    public static ILocator Acknowledgement(ILocator entry) => entry.Locator("[data-acknowledged='true']");
}

/// <summary>The gratitude card, on the paired home and on /gratitude.</summary>
public sealed class GratitudeCardSection(IPage page)
{
    public ILocator Card => page.Locator("#gratitude-card");

    public ILocator Text => Card.GetByLabel("What you appreciated", new() { Exact = true });

    public ILocator Share => Card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Share (it|another)$") });

    public ILocator Done => Card.Locator("#gratitude-done");

    public async Task ShareAsync(string text)
    {
        await Text.FillAsync(text);
        await Share.TapAsync();
        await Expect(Done).ToBeVisibleAsync();
        await Expect(Text).ToHaveValueAsync(string.Empty);
    }
}

/// <summary>/gratitude: tonight's gratitude on a page of its own (the evening reminder links here).</summary>
public sealed class GratitudePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Gratitude", Level = 1 });

    public async Task OpenAsync()
    {
        await page.GotoAsync("gratitude");
        await page.WaitUntilInteractiveAsync();
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(new GratitudeCardSection(page).Text).ToBeVisibleAsync();
    }
}

/// <summary>/positives: every small positive and gratitude, filterable, with noticing something new at the top.</summary>
public sealed class PositivesPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Small positives", Level = 1 });

    public async Task OpenAsync()
    {
        await page.GotoAsync("positives");
        await page.WaitUntilInteractiveAsync();
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(new LogPositiveSection(page).Card).ToBeVisibleAsync();
    }
}

/// <summary>/preferences/reminders: the email reminders, each on or off at a local time.</summary>
public sealed class RemindersPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Reminders", Level = 1 });

    public ILocator QuestionReminder => page.GetByRole(AriaRole.Switch, new() { Name = "Morning: today's question" });

    public ILocator QuestionTime => page.GetByLabel("Morning question time", new() { Exact = true });

    public ILocator GratitudeReminder => page.GetByRole(AriaRole.Switch, new() { Name = "Evening: gratitude" });

    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });

    public ILocator WeeklySummary => page.GetByRole(AriaRole.Switch, new() { Name = "Sunday evening: our week in numbers" });

    public ILocator ShareHighlight => page.GetByRole(AriaRole.Switch, new() { Name = "Quote what we wrote in the highlight" });

    public ILocator Saved => page.GetByText("Reminders saved.");

    public ILocator BouncedWarning => page.Locator("#bounced-warning");

    public async Task OpenAsync()
    {
        await page.GotoAsync("preferences/reminders");
        await page.WaitUntilInteractiveAsync();
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(QuestionReminder).ToBeVisibleAsync();
    }
}

/// <summary>/unsubscribe?token=…: a static page, no sign-in; the button (not the link) turns the one kind off.</summary>
public sealed class UnsubscribePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Confirm => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Yes, stop ") });

    public ILocator Done => page.Locator("#unsubscribe-done");

    public ILocator Undo => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Undo: keep sending me ") });

    public ILocator Undone => page.Locator("#unsubscribe-undone");

    /// <summary>On a link opened again once that kind is off ("Already off").</summary>
    public ILocator TurnBackOn => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Turn .+ back on$") });

    public ILocator Error => page.Locator("#unsubscribe-error");

    public ILocator AllMyReminderSettings => page.GetByRole(AriaRole.Link, new() { Name = "All my reminder settings" });
}

/// <summary>A reminder email as the person's mail app shows it: its HTML part, opened from the dev mailbox.</summary>
public sealed class ReminderEmail(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator AnswerTodaysQuestion => page.GetByRole(AriaRole.Link, new() { Name = "Answer today's question" });

    public ILocator StopMorningQuestionEmails => page.GetByRole(AriaRole.Link, new() { Name = "Stop the morning question emails" });

    public async Task OpenAsync(string messageId)
    {
        await page.GotoAsync($"dev/mailbox/{messageId}/html");
        await Expect(Heading).ToBeVisibleAsync();
    }
}

/// <summary>/admin/reminders: today's counts by kind and status, for admins.</summary>
public sealed class ReminderAdminPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Reminders today", Level = 1 });

    public ILocator Counts => page.Locator("#reminder-counts");

    public ILocator HangfireDashboard => page.GetByRole(AriaRole.Link, new() { Name = "Hangfire dashboard" });

    public ILocator Count(string kind, string status) => Counts.Locator($"tr[data-kind='{kind}'] td[data-status='{status}']");

    public async Task OpenAsync()
    {
        await page.GotoAsync("admin/reminders");
        await page.WaitUntilInteractiveAsync();
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Counts).ToBeVisibleAsync();
    }
}

/// <summary>/rituals: the couple's rituals, the suggestions to start from, and the calendar address.</summary>
public sealed class RitualsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Our rituals", Level = 1 });

    public ILocator List => page.Locator("#rituals-list");

    public ILocator Empty => page.Locator("#rituals-empty");

    public ILocator Unpaired => page.Locator("#rituals-unpaired");

    public ILocator Suggestions => page.Locator("#ritual-suggestions");

    /// <summary>A suggestion's "Start this one" link, by the suggestion's name (e.g. "Date night, no screens"), which it says to screen readers.</summary>
    public ILocator Start(string templateName) => Suggestions.GetByRole(AriaRole.Link, new() { Name = $"Start this one ({templateName})", Exact = true });

    public ILocator CreateYourOwn => page.Locator("#create-own-ritual");

    /// <summary>One ritual's card in the list, by its name.</summary>
    public ILocator Card(string name) =>
        List.Locator("[data-ritual]").Filter(new() { Has = page.Locator("[data-ritual-name]", new() { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }) });

    public static ILocator ProgressText(ILocator card) => card.Locator("[data-progress-text]");

    public static ILocator Streak(ILocator card) => card.Locator("[data-streak]");

    public ILocator CalendarFeed => page.Locator("#calendar-feed");

    public ILocator CreateCalendarAddress => CalendarFeed.GetByRole(AriaRole.Button, new() { Name = "Create my calendar address" });

    public ILocator CalendarAddress => CalendarFeed.GetByLabel("Your calendar address", new() { Exact = true });

    public async Task OpenAsync()
    {
        await page.GotoAsync("rituals");
        await page.WaitUntilInteractiveAsync();
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(page.Locator("#ritual-suggestions, #rituals-unpaired").First).ToBeVisibleAsync();
    }
}

/// <summary>The ritual form, on /rituals/new (optionally ?template=…) and on /rituals/{id}/edit.</summary>
public sealed class RitualEditorPage(IPage page)
{
    public ILocator Form => page.Locator(".cc-ritual-form");

    public ILocator Name => Form.GetByLabel("Name", new() { Exact = true });

    public ILocator Description => Form.GetByLabel("What it's about (optional)", new() { Exact = true });

    /// <summary>"How often": a MudSelect, shown as a combobox with the chosen option's words.</summary>
    public ILocator HowOften => Form.GetByRole(AriaRole.Combobox, new() { Name = "How often" });

    public ILocator Days => Form.Locator("#ritual-weekdays");

    /// <summary>A weekday's chip (a toggle button, aria-pressed), named by the whole day ("Friday").</summary>
    public ILocator Day(DayOfWeek day) => Days.GetByRole(AriaRole.Button, new() { Name = day.ToString(), Exact = true });

    public ILocator ChosenDays => Days.Locator("[aria-pressed='true']");

    /// <summary>"Every month on a weekday": which one (first … last) and the weekday.</summary>
    public ILocator NthWeekday => Form.Locator("#ritual-nth");

    public ILocator StartDate => Form.Locator("#ritual-start-date");

    public ILocator StartTime => Form.GetByLabel("Starts at (home time)", new() { Exact = true });

    public ILocator Duration => Form.GetByRole(AriaRole.Combobox, new() { Name = "Lasts" });

    public ILocator Error => Form.Locator("#ritual-error");

    public ILocator Save => Form.Locator("#save-ritual");

    /// <summary>Opens the new-ritual form (from a suggestion when <paramref name="template"/> names one) once its values are in.</summary>
    public async Task OpenNewAsync(string? template = null)
    {
        await page.GotoAsync(template is null ? "rituals/new" : $"rituals/new?template={Uri.EscapeDataString(template)}");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New ritual", Level = 1 })).ToBeVisibleAsync();
        await Expect(Save).ToBeVisibleAsync();
    }

    /// <summary>The start date as the form shows it ("25 November 2026").</summary>
    public async Task<DateOnly> StartDateAsync() =>
        DateOnly.ParseExact(await StartDate.InputValueAsync(), "d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>/rituals/{id}: how it's going, what's coming, the recent times with notes, and this partner's reminder.</summary>
public sealed class RitualDetailPage(IPage page)
{
    public ILocator Heading => page.Locator("#ritual-name-heading");

    public ILocator Schedule => page.Locator("#ritual-schedule");

    public ILocator Progress => page.Locator("#ritual-progress");

    public ILocator ProgressText => Progress.Locator("[data-progress-text]");

    public ILocator Streak => Progress.Locator("[data-streak]");

    public ILocator Edit => page.Locator("#edit-ritual");

    public ILocator Upcoming => page.Locator("#ritual-upcoming");

    public ILocator Past => page.Locator("#ritual-past");

    public ILocator PastTimes => Past.Locator("li[data-day]");

    /// <summary>One past time, by its local day in the couple's home zone.</summary>
    public ILocator PastTime(DateOnly day) => Past.Locator($"li[data-day='{day:yyyy-MM-dd}']");

    /// <summary>"Not marked yet", "Done ✓ · marked by Sam"…</summary>
    public static ILocator StatusText(ILocator pastTime) => pastTime.Locator("[data-status-text]");

    public static ILocator Done(ILocator pastTime) => pastTime.Locator("[data-mark='done']");

    public static ILocator Skipped(ILocator pastTime) => pastTime.Locator("[data-mark='skipped']");

    /// <summary>"Add a note" (or "Edit your note") under a past time.</summary>
    public static ILocator WriteNote(ILocator pastTime) => pastTime.Locator("[data-write-note]");

    public static ILocator NoteField(ILocator pastTime) => pastTime.GetByLabel("Your note", new() { Exact = true });

    public static ILocator SaveNote(ILocator pastTime) => pastTime.GetByRole(AriaRole.Button, new() { Name = "Save note", Exact = true });

    /// <summary>A note under a past time, by who it says wrote it: "Your note" or "Sam's note".</summary>
    public static ILocator Note(ILocator pastTime, string who) =>
        pastTime.Locator("[data-note]").Filter(new() { Has = pastTime.Page.Locator(".cc-answer__who", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(who)}\\s*$") }) });

    public static ILocator NoteText(ILocator note) => note.Locator(".cc-answer__text");

    public ILocator ReflectionCallout => page.Locator("#reflection-callout");

    public ILocator Reminder => page.Locator("#ritual-reminder");

    public async Task OpenAsync(Guid ritualId)
    {
        await page.GotoAsync($"rituals/{ritualId}");
        await page.WaitUntilInteractiveAsync();
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Past).ToBeVisibleAsync();
    }
}

/// <summary>/rituals/{id}/reflection/{yyyy-MM-dd}: the month looked back on, and what each partner wrote.</summary>
public sealed class MonthlyReflectionPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Period => page.Locator("#reflection-period");

    public ILocator Positives => page.Locator("#reflection-positives");

    public ILocator Write => page.Locator("#reflection-write");

    public ILocator WentWell => Write.GetByLabel("What went well this month", new() { Exact = true });

    public ILocator Goal => Write.GetByLabel("One goal for next month", new() { Exact = true });

    public ILocator PartnerStatus => page.Locator("#reflection-partner-status");

    public ILocator PartnersReflection => page.Locator("#reflection-partner");

    public async Task OpenAsync(Guid ritualId, DateOnly day)
    {
        await page.GotoAsync($"rituals/{ritualId}/reflection/{day:yyyy-MM-dd}");
        await page.WaitUntilInteractiveAsync();
        await Expect(Write).ToBeVisibleAsync();
    }
}

/// <summary>The rituals card on the paired home: "Did you do it?", the next seven days, and how each ritual is going.</summary>
public sealed class UpcomingRitualsSection(IPage page)
{
    public ILocator Card => page.Locator("#rituals-card");

    public ILocator Empty => Card.Locator("#rituals-card-empty");

    public ILocator Awaiting => Card.Locator("#rituals-awaiting");

    /// <summary>The "Did you do it?" block of one ritual, by its name.</summary>
    public ILocator AwaitingFor(string ritualName) =>
        Awaiting.Locator("[data-mark-day]").Filter(new() { Has = page.Locator("[data-mark-heading]", new() { HasTextRegex = new Regex($"^{Regex.Escape(ritualName)}$") }) });

    public ILocator Done(string ritualName) =>
        Awaiting.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Mark {Regex.Escape(ritualName)} on .+ done$") });

    public ILocator NextSevenDays => Card.Locator("#upcoming-rituals");

    public ILocator Progress => Card.Locator("#rituals-progress");

    /// <summary>One ritual's line under "How they're going".</summary>
    public ILocator ProgressOf(string ritualName) =>
        Progress.Locator("li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = ritualName, Exact = true }) });

    public ILocator ProgressText(string ritualName) => ProgressOf(ritualName).Locator("[data-progress-text]");

    public ILocator Streak(string ritualName) => ProgressOf(ritualName).Locator("[data-streak]");

    public ILocator Link(string ritualName) => Progress.GetByRole(AriaRole.Link, new() { Name = ritualName, Exact = true });

    public ILocator AllRituals => Card.Locator("#all-rituals");
}
