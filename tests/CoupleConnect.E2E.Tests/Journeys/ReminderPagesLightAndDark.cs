using CoupleConnect.Domain.Reminders;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using UnsubscribeTokens = CoupleConnect.Web.Features.Reminders.UnsubscribeTokens;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// The reminder pages in every state a person can meet them, on a phone in the light and in the dark, for people to
/// look at: the reminders form (as it opens, just saved, with a bounced address), the unsubscribe page (asking, done
/// with undo, back on, a broken link) and the admin counts.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class ReminderPagesLightAndDark(AppFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task EveryReminderPageAndStateOnAPhone(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var alex = new Person("Alex", "Europe/Berlin");
        var page = await app.SignedInPhoneAsync(alex, scheme);
        await using var context = page.Context;
        IPage? admin = null;
        try
        {
            var alexId = await app.UserIdOfAsync(alex.Email);

            var reminders = new RemindersPage(page);
            await reminders.OpenAsync();
            await page.ExpectThemeAsync(scheme);
            await Expect(reminders.QuestionReminder).ToBeCheckedAsync();
            await Expect(reminders.BouncedWarning).ToHaveCountAsync(0);
            await Shot(page, $"reminder-01-reminders-{theme}");

            await reminders.QuestionTime.FillAsync("07:30");
            await reminders.Save.TapAsync();
            await Expect(reminders.Saved).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(bar => bar.getAnimations().length === 0)");
            await Shot(page, $"reminder-02-reminders-saved-{theme}");

            // The mail server refused Alex's address for good: reminders pause until Alex acts.
            await app.ExecuteSqlAsync("""UPDATE "AspNetUsers" SET email_bounced_at = now() WHERE id = @id""", ("id", alexId));
            await reminders.OpenAsync();
            await page.ExpectThemeAsync(scheme);
            await Expect(reminders.BouncedWarning).ToContainTextAsync(alex.Email);
            await Shot(page, $"reminder-03-reminders-bounced-{theme}");

            // The unsubscribe link of a morning question email: asks first, then offers to undo.
            var unsubscribe = new UnsubscribePage(page);
            await page.GotoAsync(app.UnsubscribePath(alexId, ReminderKind.DailyQuestion));
            await Expect(unsubscribe.Heading).ToHaveTextAsync("Stop morning question emails?");
            await Shot(page, $"reminder-04-unsubscribe-confirm-{theme}");

            await unsubscribe.Confirm.TapAsync();
            await Expect(unsubscribe.Heading).ToHaveTextAsync("Unsubscribed");
            await Expect(unsubscribe.Done).ToContainTextAsync("You won't get morning question emails any more.");
            await Expect(unsubscribe.Undo).ToBeVisibleAsync();
            await Shot(page, $"reminder-05-unsubscribe-done-{theme}");

            await unsubscribe.Undo.TapAsync();
            await Expect(unsubscribe.Heading).ToHaveTextAsync("Back on");
            await Expect(unsubscribe.Undone).ToBeVisibleAsync();
            await Shot(page, $"reminder-06-unsubscribe-back-on-{theme}");

            await page.GotoAsync("unsubscribe?token=not-a-real-token");
            await Expect(unsubscribe.Heading).ToHaveTextAsync("We couldn't use this link");
            await Expect(unsubscribe.Error).ToHaveTextAsync(UnsubscribeTokens.InvalidMessage);
            await Shot(page, $"reminder-07-unsubscribe-invalid-link-{theme}");

            // Today's counts, with one reminder of each status so every cell and the skip reasons have something to show.
            await app.SeedOneReminderOfEachStatusAsync(alexId);
            admin = await app.SignedInAdminPhoneAsync(scheme);
            var adminPage = new ReminderAdminPage(admin);
            await adminPage.OpenAsync();
            await admin.ExpectThemeAsync(scheme);
            await Expect(admin.Locator("#skip-reasons")).ToBeVisibleAsync();
            await Shot(admin, $"reminder-08-admin-{theme}");
        }
        catch
        {
            await Shot(page, $"failure-reminder-pages-{theme}");
            if (admin is not null)
            {
                await Shot(admin, $"failure-reminder-pages-admin-{theme}");
            }

            throw;
        }
        finally
        {
            if (admin is not null)
            {
                await admin.Context.CloseAsync();
            }
        }
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
