using System.Text.RegularExpressions;
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
    public ILocator ConnectPartnerCard => page.Locator("#connect-partner");

    public ILocator ConnectPartnerHeading => ConnectPartnerCard.GetByRole(AriaRole.Heading, new() { Name = "Connect with your partner" });

    public ILocator Welcome(string displayName) => page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {displayName}", Level = 1 });
}
