using CoupleConnect.Tests.Shared;
using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// Couples for journeys that start paired. The couple is made as every test's is (<see cref="TestCouples"/>, through
/// the app's services); only the signing in happens on phones. Pairing on phones is PairingJourney's subject.
/// </summary>
public static class Pairing
{
    /// <summary>Both people's accounts, paired: <paramref name="inviter"/> invited, <paramref name="joiner"/> accepted. No phone is opened.</summary>
    public static async Task<TestCouple> PairedAccountsAsync(this AppFixture app, Person inviter, Person joiner)
    {
        var inviterId = await app.CreateConfirmedUserAsync(inviter.Email, inviter.Password, inviter.Name, inviter.TimeZone);
        var joinerId = await app.CreateConfirmedUserAsync(joiner.Email, joiner.Password, joiner.Name, joiner.TimeZone);
        return await TestCouples.PairAsync(app.Factory.Services, inviterId, joinerId, inviter.Name, joiner.Name, app.BaseAddress);
    }

    /// <summary>
    /// Two phones, each signed in and on the couple's home page, of two people paired by
    /// <see cref="PairedAccountsAsync"/>. The caller closes both pages' contexts.
    /// </summary>
    public static async Task<(IPage Inviter, IPage Joiner)> PairedPhonesAsync(this AppFixture app, Person inviter, Person joiner, ColorScheme colorScheme = ColorScheme.Light)
    {
        await app.PairedAccountsAsync(inviter, joiner);
        var inviterPage = await app.SignInOnAPhoneAsync(inviter, colorScheme);
        try
        {
            return (inviterPage, await app.SignInOnAPhoneAsync(joiner, colorScheme));
        }
        catch
        {
            await inviterPage.Context.CloseAsync();
            throw;
        }
    }

    /// <summary>The inviter's phone only, signed in and on the couple's home page; the joiner is paired but has no phone open. The caller closes its context.</summary>
    public static async Task<IPage> PairedInvitersPhoneAsync(this AppFixture app, Person inviter, Person joiner, ColorScheme colorScheme = ColorScheme.Light)
    {
        await app.PairedAccountsAsync(inviter, joiner);
        return await app.SignInOnAPhoneAsync(inviter, colorScheme);
    }
}
