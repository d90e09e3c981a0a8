using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>A new partner, on a phone, from the landing page to a confirmed account and the home page that invites them to connect.</summary>
[Collection(RealAppTests.Name)]
public sealed class NewPartnerJourney(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task RegistersConfirmsTheEmailSignsInAndIsInvitedToConnect()
    {
        var email = $"alex.{Guid.NewGuid().ToString("N")[..8]}@example.com";
        const string password = "a quiet walk by the river";
        var page = await app.NewPhonePageAsync(timeZone: "Europe/Berlin");
        try
        {
            await WalkTheJourneyAsync(page, email, password);
        }
        catch
        {
            await Shot(page, "failure-new-partner-journey");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task WalkTheJourneyAsync(IPage page, string email, string password)
    {
        // 1. The signed-out landing page.
        var landing = new LandingPage(page);
        await landing.OpenAsync();
        await Shot(page, "01-landing");

        // 2. Create your account: the time zone is already the phone's.
        await landing.CreateAccount.TapAsync();
        var register = new RegisterPage(page);
        await Expect(register.Heading).ToBeVisibleAsync();
        await Expect(register.TimeZone).ToHaveValueAsync("Europe/Berlin");
        await register.FillAsync(email, "Alex", password);
        await Shot(page, "02-register");
        await register.Submit.TapAsync();

        // 3. Check your email.
        var checkEmail = new CheckEmailPage(page);
        await Expect(checkEmail.Heading).ToBeVisibleAsync();
        await Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Shot(page, "03-check-email");

        // 4. The dev mailbox holds the confirmation email.
        await checkEmail.DevMailboxLink.TapAsync();
        var mailbox = new DevMailboxPage(page);
        await Expect(mailbox.Heading).ToBeVisibleAsync();
        await mailbox.MessageTo(email).TapAsync(); // signed out, the mailbox is a static page: no circuit to wait for
        await Expect(mailbox.MessageHeading("Confirm your email for CoupleConnect")).ToBeVisibleAsync();
        await Expect(mailbox.ConfirmationLink).ToHaveCountAsync(1);
        await Shot(page, "04-mailbox");

        // 5. The link confirms the address, signs Alex in and goes home: no second sign-in (issue 15 item 6).
        await mailbox.ConfirmationLink.TapAsync();

        // 6. Home: the one thing to do next is to connect with the partner.
        var home = new HomePage(page);
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseAddress) + "$"));
        await Expect(home.ConnectPartnerCard).ToBeVisibleAsync();
        await Expect(home.ConnectPartnerHeading).ToBeVisibleAsync();
        await Expect(home.Welcome("Alex")).ToBeVisibleAsync();
        await Shot(page, "07-home");
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
