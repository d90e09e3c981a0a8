using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>Alex reads the code out; Sam, already signed up, types it the way people do (lower case, a space) on the home page.</summary>
[Collection(RealAppTests.Name)]
public sealed class PairingByCodeJourney(AppFixture app, ITestOutputHelper output)
{
    private const string AlphabetHint = "Invite codes use the letters A–Z and digits 2–9 only (no O, I, L, 0 or 1). Check for a typo.";

    [Fact]
    public async Task SamTypesAlexsCodeInLowerCaseAndJoins()
    {
        var alex = await app.SignedInPhoneAsync(new Person("Alex", "Europe/Berlin"));
        IPage? sam = null;
        try
        {
            var alexHome = new HomePage(alex);
            var (_, code) = await alexHome.CreateInviteAsync();
            await Shot(alex, "code-01-alex-invite");

            sam = await app.SignedInPhoneAsync(new Person("Sam", "America/New_York"));
            var samHome = new HomePage(sam);
            await Expect(samHome.Welcome("Sam")).ToBeVisibleAsync();
            await Expect(samHome.CodeField).ToBeVisibleAsync();

            // A typo with the letter O (never in a code): the hint names the alphabet, nothing is looked up.
            await samHome.CodeField.FillAsync("O" + code[1..]);
            await samHome.Continue.TapAsync();
            await Expect(samHome.CodeEntry.GetByText(AlphabetHint)).ToBeVisibleAsync();
            await Expect(samHome.CodeField).ToHaveAttributeAsync("aria-invalid", "true");
            await Shot(sam, "code-02-sam-typo-with-o");

            // The real code, typed loosely.
            var typed = code.ToLowerInvariant();
            Assert.Contains(' ', typed);
            await samHome.CodeField.FillAsync(typed);
            await samHome.Continue.TapAsync();
            var join = new JoinPage(sam);
            await Expect(join.Question("Alex")).ToBeVisibleAsync();
            await Shot(sam, "code-03-sam-join-alex");

            await join.JoinButton("Alex").TapAsync();
            await Expect(samHome.PartnerJoined).ToContainTextAsync("You and Alex are connected.");
            await Expect(samHome.CoupleName).ToHaveTextAsync("Alex & Sam");
            await Expect(samHome.PartnerLine).ToContainTextAsync("You're connected with Alex since");
            await Expect(samHome.CodeEntry).ToHaveCountAsync(0);
            await Shot(sam, "code-04-sam-home-paired");

            await sam.ReloadAsync();
            await sam.WaitUntilInteractiveAsync();
            await Expect(samHome.CoupleName).ToHaveTextAsync("Alex & Sam");

            // Alex's open page heard it without a reload.
            await Expect(alexHome.PartnerJoined).ToContainTextAsync("Sam joined you.");
            await Expect(alexHome.PartnerLine).ToContainTextAsync("You're connected with Sam since");
        }
        catch
        {
            await Shot(alex, "failure-code-alex");
            if (sam is not null)
            {
                await Shot(sam, "failure-code-sam");
            }

            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            if (sam is not null)
            {
                await sam.Context.CloseAsync();
            }
        }
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
