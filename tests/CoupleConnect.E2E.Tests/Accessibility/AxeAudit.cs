using System.Text.RegularExpressions;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Accessibility;

/// <summary>
/// axe-core on the phone: no violations at all on the pages every new partner sees, through pairing and the daily
/// question, and on the reminder pages (settings, unsubscribe, admin counts) in the light and in the dark.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class AxeAudit(AppFixture app, ITestOutputHelper output)
{
    // Every impact counts: these pages are clean today and should stay so.
    private static readonly string[] BlockingImpacts = ["minor", "moderate", "serious", "critical"];

    [Fact]
    public async Task LandingPageHasNoSeriousViolations()
    {
        var page = await app.NewPhonePageAsync();
        await using var context = page.Context;
        await new LandingPage(page).OpenAsync(); // static for a signed-out visitor: nothing more to wait for

        await AssertNoSeriousViolationsAsync(page, "landing");
    }

    [Fact]
    public async Task RegisterPageHasNoSeriousViolations()
    {
        var page = await app.NewPhonePageAsync();
        await using var context = page.Context;
        var register = new RegisterPage(page);
        await register.OpenAsync();
        await Expect(register.TimeZone).ToHaveValueAsync("Europe/Berlin");

        await AssertNoSeriousViolationsAsync(page, "register");
    }

    [Fact]
    public async Task HomePageHasNoSeriousViolations()
    {
        var email = $"sam.{Guid.NewGuid().ToString("N")[..8]}@example.com";
        const string password = "tea on the balcony at dusk";
        await app.CreateConfirmedUserAsync(email, password, "Sam");
        var page = await app.NewPhonePageAsync();
        await using var context = page.Context;
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, password);

        // The interactive render briefly swaps the prerendered home for a progress bar (no h1): audit what follows it.
        await page.WaitUntilInteractiveAsync();
        await Expect(new HomePage(page).ConnectPartnerHeading).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(page, "home");
    }

    [Fact]
    public async Task UnpairedHomeWithAnOpenInviteHasNoViolations()
    {
        var page = await app.SignedInPhoneAsync(new Person("Alex", "Europe/Berlin"));
        await using var context = page.Context;
        await new HomePage(page).CreateInviteAsync();

        await AssertNoSeriousViolationsAsync(page, "unpaired home with an open invite");
    }

    [Fact]
    public async Task JoinPageHasNoViolationsSignedOutOrSignedIn()
    {
        var alex = await app.SignedInPhoneAsync(new Person("Alex", "Europe/Berlin"));
        await using var alexContext = alex.Context;
        var (link, _) = await new HomePage(alex).CreateInviteAsync();

        var visitor = await app.NewPhonePageAsync("America/New_York");
        await using var visitorContext = visitor.Context;
        await visitor.GotoAsync(link);
        await visitor.WaitUntilUsableAsync(); // static while signed out
        await Expect(new JoinPage(visitor).Invited("Alex")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(visitor, "join (signed out)");

        var sam = await app.SignedInPhoneAsync(new Person("Sam", "America/New_York"));
        await using var samContext = sam.Context;
        await sam.GotoAsync(link);
        await sam.WaitUntilInteractiveAsync();
        await Expect(new JoinPage(sam).Question("Alex")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(sam, "join (signed in)");
    }

    [Fact]
    public async Task PairedHomeCoupleSettingsAndTheEndedNoticeHaveNoViolations()
    {
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"));
        await using var alexContext = alex.Context;
        await using var samContext = sam.Context;

        var home = new HomePage(sam);
        await home.OpenAsync();
        await Expect(home.PartnerLine).ToContainTextAsync("Alex");
        await AssertNoSeriousViolationsAsync(sam, "paired home");

        var settings = new CoupleSettingsPage(sam);
        await settings.OpenAsync();
        await Expect(settings.Name).ToHaveValueAsync("Alex & Sam");
        await AssertNoSeriousViolationsAsync(sam, "couple settings");

        await settings.LeaveConfirmation.FillAsync("leave");
        await settings.Leave.TapAsync();
        await Expect(home.EndedNotice).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(sam, "home after the couple ended");
    }

    [Fact]
    public async Task TheQuestionCardInEachStateAndTheHistoryHaveNoViolations()
    {
        // Daytime zones: the home page puts the question first until the evening (docs/adr/0029).
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", ZoneWhereItIs.Daytime()), new Person("Sam", ZoneWhereItIs.Daytime(other: 1)));
        await using var alexContext = alex.Context;
        await using var samContext = sam.Context;
        await new HomePage(alex).OpenAsync();
        await new HomePage(sam).OpenAsync();
        var alexCard = new QuestionCardSection(alex);
        var samCard = new QuestionCardSection(sam);

        await samCard.ExpectStateAsync("NotAnswered");
        await Expect(samCard.PartnerStatus).ToContainTextAsync("Alex hasn't answered yet.");
        await AssertNoSeriousViolationsAsync(sam, "paired home, question not answered by either");

        await alexCard.AnswerAsync("The quiet coffee before work, just the two of us.");
        await Expect(alexCard.PartnerStatus).ToContainTextAsync("Waiting for Sam.");
        await AssertNoSeriousViolationsAsync(alex, "paired home, waiting for the partner");

        await alex.GetByRole(AriaRole.Button, new() { Name = "Edit my answer" }).TapAsync();
        await Expect(alexCard.Card.GetByRole(AriaRole.Button, new() { Name = "Save my answer" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(alex, "paired home, editing an answer");
        await alexCard.Card.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).TapAsync();
        await Expect(alexCard.MyAnswer).ToBeVisibleAsync();

        await Expect(samCard.PartnerStatus).ToContainTextAsync("Alex has answered. Your turn");
        await samCard.AnswerField.FillAsync(new string('x', 2001));
        await Expect(samCard.Card.GetByText("2,001 characters: please shorten to 2,000.")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(sam, "paired home, partner has answered, answer too long");

        await samCard.AnswerAsync("Dancing badly in the kitchen.");
        await samCard.ExpectStateAsync("Revealed");
        await samCard.SendHeart("Alex").TapAsync();
        await Expect(samCard.Card.GetByRole(AriaRole.Button, new() { Name = "You sent Alex a heart" })).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertNoSeriousViolationsAsync(sam, "paired home, revealed (heart sent)");

        await samCard.ReflectAsync("Alex", "Time alone together before the day starts matters to you.");
        await Expect(alexCard.ThatsIt).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(alex, "paired home, revealed, a reflection to confirm");

        await alexCard.ThatsIt.TapAsync();
        await Expect(samCard.MyReflectionVerdict).ToContainTextAsync("You understood each other.");
        await AssertNoSeriousViolationsAsync(sam, "paired home, revealed, reflection confirmed");

        await sam.GotoAsync("checkin/history");
        await sam.WaitUntilInteractiveAsync();
        await Expect(sam.Locator("#history li").First).ToContainTextAsync("Both answered");
        await AssertNoSeriousViolationsAsync(sam, "check-in history");

        await sam.Locator("#history li a").First.TapAsync();
        await sam.WaitUntilInteractiveAsync();
        await samCard.ExpectStateAsync("Revealed");
        await AssertNoSeriousViolationsAsync(sam, "one check-in day");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task ReminderSettingsHaveNoViolationsSavedTurnedOffOrWithABouncedAddress(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alex = new Person("Alex", "Europe/Berlin");
        var page = await app.SignedInPhoneAsync(alex, scheme);
        await using var context = page.Context;
        var reminders = new RemindersPage(page);
        await reminders.OpenAsync();
        await page.ExpectThemeAsync(scheme);
        await AssertNoSeriousViolationsAsync(page, $"reminders ({theme})");

        await reminders.QuestionTime.FillAsync("07:30");
        await reminders.Save.TapAsync();
        await Expect(reminders.Saved).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"reminders, saved ({theme})", withSnackbars: true);

        await reminders.QuestionReminder.TapAsync();
        await Expect(reminders.QuestionTime).ToBeDisabledAsync();
        await AssertNoSeriousViolationsAsync(page, $"reminders, the question reminder off ({theme})");

        await app.ExecuteSqlAsync("""UPDATE "AspNetUsers" SET email_bounced_at = now() WHERE id = @id""", ("id", await app.UserIdOfAsync(alex.Email)));
        await reminders.OpenAsync();
        await page.ExpectThemeAsync(scheme);
        await Expect(reminders.BouncedWarning).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"reminders with a bounced address ({theme})");
    }

    /// <summary>Opened from a mail app, signed out, as most unsubscribe links are.</summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task UnsubscribePageHasNoViolationsInAnyState(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var email = $"sam.{Guid.NewGuid().ToString("N")[..8]}@example.com";
        var samId = await app.CreateConfirmedUserAsync(email, "tea on the balcony at dusk", "Sam");
        var page = await app.NewPhonePageAsync(colorScheme: scheme);
        await using var context = page.Context;
        var unsubscribe = new UnsubscribePage(page);
        var link = app.UnsubscribePath(samId, ReminderKind.DailyQuestion);

        await page.GotoAsync(link);
        await Expect(unsubscribe.Confirm).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"unsubscribe, asking ({theme})");

        await unsubscribe.Confirm.TapAsync();
        await Expect(unsubscribe.Undo).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"unsubscribe, done with undo ({theme})");

        await page.GotoAsync(link);
        await Expect(unsubscribe.Heading).ToHaveTextAsync("Already off");
        await AssertNoSeriousViolationsAsync(page, $"unsubscribe, already off ({theme})");

        await unsubscribe.TurnBackOn.TapAsync();
        await Expect(unsubscribe.Undone).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"unsubscribe, back on ({theme})");

        await page.GotoAsync("unsubscribe?token=not-a-real-token");
        await Expect(unsubscribe.Error).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"unsubscribe, invalid link ({theme})");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task ReminderAdminPageHasNoViolations(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var email = $"kim.{Guid.NewGuid().ToString("N")[..8]}@example.com";
        await app.SeedOneReminderOfEachStatusAsync(await app.CreateConfirmedUserAsync(email, "tea on the balcony at dusk", "Kim"));
        var page = await app.SignedInAdminPhoneAsync(scheme);
        await using var context = page.Context;
        var admin = new ReminderAdminPage(page);
        await admin.OpenAsync();
        await page.ExpectThemeAsync(scheme);
        await Expect(page.Locator("#skip-reasons")).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(page, $"reminder admin ({theme})");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task SharedDashboardWithHistoryHasNoViolationsWhileLoggingAndAcknowledging(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var samPerson = new Person("Sam", "America/New_York");
        var (alex, sam) = await app.PairedPhonesAsync(alexPerson, samPerson, scheme);
        await using var alexContext = alex.Context;
        await app.SeedPositiveHistoryAsync(await app.UserIdOfAsync(alexPerson.Email), await app.UserIdOfAsync(samPerson.Email));
        await using (sam.Context)
        {
            await new PositivesPage(sam).OpenAsync();
            await new LogPositiveSection(sam).LogAsync("Help", "Carried the shopping up all four floors.");
        }

        await new HomePage(alex).OpenAsync();
        await alex.ExpectThemeAsync(scheme);
        var board = new DashboardSection(alex);
        var feed = new PositiveFeedSection(alex);
        await Expect(feed.Items).ToHaveCountAsync(8);
        await Expect(board.Chart.Locator("svg")).ToBeVisibleAsync();
        await Expect(board.StreakDays).ToContainTextAsync("10");
        await AssertNoSeriousViolationsAsync(alex, $"paired home, dashboard with history ({theme})");

        var newest = feed.Entry("Carried the shopping");
        await PositiveFeedSection.ThatMeantALot(newest).TapAsync();
        await Expect(PositiveFeedSection.Acknowledgement(newest)).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(alex, $"paired home, acknowledged ({theme})");

        // Noticing something is on the Small positives page, with every entry and the filters.
        await new PositivesPage(alex).OpenAsync();
        var log = new LogPositiveSection(alex);
        await AssertNoSeriousViolationsAsync(alex, $"small positives with history ({theme})");
        await log.LogIt.TapAsync();
        await Expect(log.Error).ToBeVisibleAsync();
        await log.Kind("Affection").TapAsync();
        await log.AddDetails.TapAsync();
        await log.Note.FillAsync("A long hug at the station.");
        await AssertNoSeriousViolationsAsync(alex, $"small positives, a kind chosen, the note and day open, an error shown ({theme})");

        await log.LogIt.TapAsync();
        await Expect(alex.GetByText("Logged. Sam will see it.")).ToBeVisibleAsync();
        await Expect(feed.Items.First).ToContainTextAsync("A long hug at the station.");
        await AssertNoSeriousViolationsAsync(alex, $"small positives, logged ({theme})", withSnackbars: true);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task GratitudePageHasNoViolationsEmptyRefusedSharedOrUnpaired(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alex = await app.PairedInvitersPhoneAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"), scheme);
        await using var alexContext = alex.Context;
        var gratitude = new GratitudePage(alex);
        var card = new GratitudeCardSection(alex);
        await gratitude.OpenAsync();
        await alex.ExpectThemeAsync(scheme);
        await Expect(new PositiveFeedSection(alex).Empty).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(alex, $"gratitude, nothing yet ({theme})");

        await card.Text.FillAsync(new string('x', 501));
        await card.Share.TapAsync();
        await Expect(card.Card.GetByText("Please keep your note of thanks to 500 characters (this one has 501).", new() { Exact = false })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(alex, $"gratitude, too long ({theme})");

        await card.ShareAsync("You remembered the name of my new colleague.");
        await AssertNoSeriousViolationsAsync(alex, $"gratitude, shared ({theme})", withSnackbars: true);

        var kim = await app.SignedInPhoneAsync(new Person("Kim", "Europe/Berlin"), scheme);
        await using var kimContext = kim.Context;
        await kim.GotoAsync("gratitude");
        await kim.WaitUntilInteractiveAsync();
        await Expect(kim.Locator("#gratitude-unpaired")).ToBeVisibleAsync();
        await kim.ExpectThemeAsync(scheme);
        await AssertNoSeriousViolationsAsync(kim, $"gratitude, not paired yet ({theme})");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task WeeklySummaryRemindersHaveNoViolationsOnAndQuoting(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var page = await app.SignedInPhoneAsync(new Person("Alex", "Europe/Berlin"), scheme);
        await using var context = page.Context;
        var reminders = new RemindersPage(page);
        await reminders.OpenAsync();
        await page.ExpectThemeAsync(scheme);
        await Expect(reminders.ShareHighlight).ToBeDisabledAsync();
        await AssertNoSeriousViolationsAsync(page, $"reminders, weekly summary off ({theme})");

        await reminders.WeeklySummary.TapAsync();
        await reminders.ShareHighlight.TapAsync();
        await Expect(reminders.ShareHighlight).ToBeCheckedAsync();
        await reminders.Save.TapAsync();
        await Expect(reminders.Saved).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"reminders, weekly summary on and quoting ({theme})");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task RitualPagesHaveNoViolationsWhileMarkingWritingRefusingAndDeleting(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var samPerson = new Person("Sam", "America/New_York");
        var alex = await app.PairedInvitersPhoneAsync(alexPerson, samPerson, scheme);
        await using var alexContext = alex.Context;
        var seeded = await app.SeedRitualsAsync(await app.UserIdOfAsync(alexPerson.Email), await app.UserIdOfAsync(samPerson.Email));

        var rituals = new RitualsPage(alex);
        await rituals.OpenAsync();
        await alex.ExpectThemeAsync(scheme);
        var dateNight = rituals.Card(RitualHistory.DateNightName);
        await Expect(rituals.List.Locator("[data-ritual]")).ToHaveCountAsync(3);
        await Expect(dateNight.Locator("[data-mark-heading]")).ToHaveTextAsync("Did you do it?");
        await AssertNoSeriousViolationsAsync(alex, $"rituals list, times to mark ({theme})");

        await dateNight.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark .+ done$") }).TapAsync();
        await Expect(dateNight.Locator("[data-mark-heading]")).ToHaveCountAsync(0);
        await Expect(RitualsPage.Streak(dateNight)).ToHaveTextAsync("3 in a row");
        await AssertNoSeriousViolationsAsync(alex, $"rituals list, one marked done ({theme})", withSnackbars: true);

        var page = new RitualDetailPage(alex);
        await page.OpenAsync(seeded.DateNight);
        await alex.ExpectThemeAsync(scheme);
        var yesterday = page.PastTime(seeded.DateNightYesterday);
        await Expect(RitualDetailPage.Done(yesterday)).ToHaveAttributeAsync("aria-pressed", "true");
        await RitualDetailPage.WriteNote(yesterday).TapAsync();
        await RitualDetailPage.NoteField(yesterday).FillAsync(new string('x', 1001));
        await Expect(yesterday.GetByText("1,001 characters: please shorten to 1,000.", new() { Exact = false })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(alex, $"a ritual's page, writing a note too long ({theme})");

        var editor = new RitualEditorPage(alex);
        await editor.OpenNewAsync();
        await alex.ExpectThemeAsync(scheme);
        await editor.Name.FillAsync("Date <b>night</b>");
        await editor.Save.TapAsync();
        await Expect(editor.Error).ToHaveTextAsync("A ritual name can't contain < or >.");
        await AssertNoSeriousViolationsAsync(alex, $"new ritual, refused ({theme})");

        await alex.GotoAsync($"rituals/{seeded.Gratitude}/edit");
        await alex.WaitUntilInteractiveAsync();
        await alex.ExpectThemeAsync(scheme);
        await Expect(editor.Name).ToHaveValueAsync(RitualHistory.GratitudeName);
        await alex.Locator("#delete-ritual").TapAsync();
        var dialog = alex.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Delete \"{RitualHistory.GratitudeName}\"?");
        await AssertNoSeriousViolationsAsync(alex, $"change a ritual, asked to confirm deleting ({theme})");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete ritual", Exact = true }).TapAsync();
        await Expect(alex).ToHaveURLAsync(new Regex(@"/rituals$"));
        await Expect(rituals.List.Locator("[data-ritual]")).ToHaveCountAsync(2);
        await AssertNoSeriousViolationsAsync(alex, $"rituals list after deleting one ({theme})", withSnackbars: true);

        await page.OpenAsync(seeded.Gratitude);
        await alex.ExpectThemeAsync(scheme);
        await Expect(alex.Locator("#ritual-deleted")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(alex, $"a deleted ritual's page ({theme})");

        await new HomePage(alex).OpenAsync();
        await alex.ExpectThemeAsync(scheme);
        var card = new UpcomingRitualsSection(alex);
        await Expect(card.Progress.Locator("li")).ToHaveCountAsync(2);
        await Expect(card.Streak(RitualHistory.DateNightName)).ToHaveTextAsync("3 in a row");
        await AssertNoSeriousViolationsAsync(alex, $"home, the rituals card with nothing to mark ({theme})");

        var kim = await app.SignedInPhoneAsync(new Person("Kim", "Europe/Berlin"), scheme);
        await using var kimContext = kim.Context;
        var kimsRituals = new RitualsPage(kim);
        await kimsRituals.OpenAsync();
        await kim.ExpectThemeAsync(scheme);
        await Expect(kimsRituals.Unpaired).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(kim, $"rituals, not paired yet ({theme})");
    }

    private Task AssertNoSeriousViolationsAsync(IPage page, string pageName, bool withSnackbars = false) =>
        page.AssertNoAxeViolationsAsync(pageName, output, withSnackbars, BlockingImpacts);
}
