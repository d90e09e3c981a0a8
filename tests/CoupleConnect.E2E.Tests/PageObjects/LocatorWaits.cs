using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.PageObjects;

public static class LocatorWaits
{
    /// <summary>Whether the element shows within the time given, without failing the test when it does not.</summary>
    public static async Task<bool> AppearsWithinAsync(this ILocator locator, TimeSpan within)
    {
        try
        {
            await locator.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)within.TotalMilliseconds });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
