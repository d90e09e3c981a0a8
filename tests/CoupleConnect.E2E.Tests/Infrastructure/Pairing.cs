using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Infrastructure;

public static class Pairing
{
    /// <summary>
    /// Two phones, each signed in, paired the fastest way: <paramref name="inviter"/> creates an invite link and
    /// <paramref name="joiner"/> joins by it. The caller closes both pages' contexts.
    /// </summary>
    public static async Task<(IPage Inviter, IPage Joiner)> PairedPhonesAsync(this AppFixture app, Person inviter, Person joiner, ColorScheme colorScheme = ColorScheme.Light)
    {
        var inviterPage = await app.SignedInPhoneAsync(inviter, colorScheme);
        try
        {
            var (link, _) = await new HomePage(inviterPage).CreateInviteAsync();
            var joinerPage = await app.SignedInPhoneAsync(joiner, colorScheme);
            try
            {
                await new JoinPage(joinerPage).JoinByLinkAsync(link, inviter.Name);
                return (inviterPage, joinerPage);
            }
            catch
            {
                await joinerPage.Context.CloseAsync();
                throw;
            }
        }
        catch
        {
            await inviterPage.Context.CloseAsync();
            throw;
        }
    }
}
