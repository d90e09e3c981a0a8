using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Install;

/// <summary>
/// An app of its own for the home-screen tests: they restart it (a new release, a server that is down), which a shared
/// app can't do. <see cref="ShellVersion"/> stands for a release that changed the shell: empty, the app works the
/// version out from its files, as in production.
/// </summary>
public sealed class InstallAppFixture : AppFixture
{
    public string? ShellVersion { get; set; }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            if (ShellVersion is not null)
            {
                settings["CoupleConnect:Install:ShellVersion"] = ShellVersion;
            }

            return settings;
        }
    }
}

public static class OtherBrowsers
{
    /// <summary>A browser context like a phone's but with other options (another size, another browser's user agent), signed in.</summary>
    public static async Task<IPage> SignedInAsync(this AppFixture app, Person person, Action<BrowserNewContextOptions> adjust)
    {
        var options = BrowserSettings.Phone(app.BaseAddress, person.TimeZone);
        adjust(options);
        var context = await app.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(BlazorCircuit.Script);
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(person.Email, person.Password);
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress);
        await page.WaitUntilInteractiveAsync();
        return page;
    }
}
