using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Two phones, two time zones: Alex signs up and invites, Sam signs up from the link and joins, both homes name the
/// other. Then Kim, a stranger holding the used link, sees nothing of them.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class PairingJourney(AppFixture app, ITestOutputHelper output)
{
    private static readonly Regex AlexOrSam = new(@"\b(Alex|Sam)\b");

    private readonly Person _alex = new("Alex", "Europe/Berlin");
    private readonly Person _sam = new("Sam", "America/New_York");
    private readonly Person _kim = new("Kim", "Europe/Berlin");

    [Fact]
    public async Task AlexInvitesSamJoinsFromTheLinkAndAStrangerWithTheUsedLinkSeesNothing()
    {
        var alex = await app.NewPhonePageAsync(_alex.TimeZone);
        var sam = await app.NewPhonePageAsync(_sam.TimeZone);
        IPage? kim = null;
        try
        {
            var link = await AlexSignsUpAndInvitesAsync(alex);
            await SamSignsUpFromTheLinkAndJoinsAsync(sam, link);
            await BothHomesNameTheOtherAsync(alex, sam);
            kim = await app.SignedInPhoneAsync(_kim);
            await KimOpensTheUsedLinkAndSeesNothingAsync(kim, link);
        }
        catch
        {
            await Shot(alex, "failure-pair-alex");
            await Shot(sam, "failure-pair-sam");
            if (kim is not null)
            {
                await Shot(kim, "failure-pair-kim");
            }

            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
            if (kim is not null)
            {
                await kim.Context.CloseAsync();
            }
        }
    }

    private async Task<string> AlexSignsUpAndInvitesAsync(IPage alex)
    {
        var register = new RegisterPage(alex);
        await register.OpenAsync();
        await Expect(register.TimeZone).ToHaveValueAsync(_alex.TimeZone);
        await register.FillAsync(_alex.Email, _alex.Name, _alex.Password);
        await register.Submit.TapAsync();
        await ConfirmThroughTheDevMailboxAsync(alex, _alex.Email);

        // The link signed Alex in and went on home: no confirmation page, no second sign-in (issue 15 item 6).
        await Expect(alex).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseAddress) + "$"));
        var home = new HomePage(alex);
        await alex.WaitUntilInteractiveAsync();
        await Expect(home.Welcome("Alex")).ToBeVisibleAsync();
        await Shot(alex, "pair-01-alex-home-before-invite");

        var (link, code) = await home.CreateInviteAsync();
        Assert.Matches("^" + Regex.Escape(app.BaseAddress) + "join/[A-Za-z0-9_-]{43}$", link);
        output.WriteLine($"Alex's invite: {code}, {link}");
        await Shot(alex, "pair-02-alex-invite");
        return link;
    }

    private async Task SamSignsUpFromTheLinkAndJoinsAsync(IPage sam, string link)
    {
        var joinPath = new Uri(link).AbsolutePath;
        var join = new JoinPage(sam);

        // Signed out: who invited, what this is, and the way in.
        await sam.GotoAsync(link);
        await sam.WaitUntilUsableAsync(); // static while signed out
        await Expect(join.Invited("Alex")).ToBeVisibleAsync();
        await Expect(join.CreateMyAccount).ToBeVisibleAsync();
        await Expect(join.IHaveAnAccount).ToBeVisibleAsync();
        await Shot(sam, "pair-03-sam-link-signed-out");

        await join.CreateMyAccount.TapAsync();
        var register = new RegisterPage(sam);
        await Expect(register.Heading).ToBeVisibleAsync();
        await Expect(sam).ToHaveURLAsync(new Regex("returnUrl=" + Regex.Escape(Uri.EscapeDataString(joinPath)), RegexOptions.IgnoreCase));
        await Expect(register.TimeZone).ToHaveValueAsync(_sam.TimeZone);
        await register.FillAsync(_sam.Email, _sam.Name, _sam.Password);
        await Shot(sam, "pair-04-sam-register");
        await register.Submit.TapAsync();

        await ConfirmThroughTheDevMailboxAsync(sam, _sam.Email, "pair-05-sam-check-email");

        // The link signed Sam in and went back to Alex's invite.
        await Expect(sam).ToHaveURLAsync(link);
        await sam.WaitUntilInteractiveAsync();
        await Expect(join.Question("Alex")).ToBeVisibleAsync();
        await Shot(sam, "pair-08-sam-join-alex");

        await join.JoinButton("Alex").TapAsync();

        // Straight into the couple's home, which says so: no "Go to our home page" tap.
        await Expect(sam).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseAddress) + @"\?joined=true$"));
        await Expect(new HomePage(sam).PartnerJoined).ToContainTextAsync("You and Alex are connected.");
        await Shot(sam, "pair-09-sam-joined");
    }

    private async Task BothHomesNameTheOtherAsync(IPage alex, IPage sam)
    {
        // Alex's page was opened before Sam joined and changes by itself, without a reload (issue 15 item 1).
        var alexHome = new HomePage(alex);
        await Expect(alexHome.PartnerJoined).ToContainTextAsync("Sam joined you.");
        await Expect(alexHome.CoupleName).ToHaveTextAsync("Alex & Sam");
        await Expect(alexHome.PartnerLine).ToContainTextAsync("You're connected with Sam since");
        await Expect(alexHome.PartnerLine.Locator("strong")).ToHaveTextAsync("Sam");
        await Expect(alexHome.ConnectPartnerCard).ToHaveCountAsync(0);
        await Shot(alex, "pair-10-alex-home-paired");

        var samHome = new HomePage(sam);
        await Expect(samHome.CoupleName).ToHaveTextAsync("Alex & Sam");
        await Expect(samHome.PartnerLine).ToContainTextAsync("You're connected with Alex since");
        await Expect(samHome.PartnerLine.Locator("strong")).ToHaveTextAsync("Alex");
        await Expect(samHome.ConnectPartnerCard).ToHaveCountAsync(0);
        await Shot(sam, "pair-11-sam-home-paired");
    }

    private async Task KimOpensTheUsedLinkAndSeesNothingAsync(IPage kim, string link)
    {
        var home = new HomePage(kim);
        await Expect(home.Welcome("Kim")).ToBeVisibleAsync();

        await kim.GotoAsync(link);
        await kim.WaitUntilInteractiveAsync();
        var join = new JoinPage(kim);
        await Expect(join.Problem).ToHaveTextAsync("This invite has already been used. Ask your partner for a new one.");
        await Expect(join.JoinButton("Alex")).ToHaveCountAsync(0);
        Assert.DoesNotMatch(AlexOrSam, await home.Main.InnerTextAsync());
        Assert.DoesNotContain(_alex.Email, await kim.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_sam.Email, await kim.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await Shot(kim, "pair-12-kim-used-link");

        await home.OpenAsync();
        await Expect(home.Welcome("Kim")).ToBeVisibleAsync();
        await Expect(home.ConnectPartnerCard).ToBeVisibleAsync();
        await Expect(home.OurCouple).ToHaveCountAsync(0);
        Assert.DoesNotMatch(AlexOrSam, await home.Main.InnerTextAsync());
        await Shot(kim, "pair-13-kim-home");
    }

    /// <summary>Check your email → dev mailbox → the confirmation link, which signs in and goes on where the person was going.</summary>
    private async Task ConfirmThroughTheDevMailboxAsync(IPage page, string email, string? checkEmailShot = null)
    {
        var checkEmail = new CheckEmailPage(page);
        await Expect(checkEmail.Heading).ToBeVisibleAsync();
        await Expect(page.GetByText(email)).ToBeVisibleAsync();
        if (checkEmailShot is not null)
        {
            await Shot(page, checkEmailShot);
        }

        await checkEmail.DevMailboxLink.TapAsync();
        var mailbox = new DevMailboxPage(page);
        await mailbox.OpenMessageAsync(email, "Confirm your email for CoupleConnect");
        await mailbox.ConfirmationLink.TapAsync();
        await Expect(new ConfirmEmailPage(page).Heading).ToHaveCountAsync(0);
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
