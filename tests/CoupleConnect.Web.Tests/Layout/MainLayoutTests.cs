using CoupleConnect.Web.Components.Layout;
using CoupleConnect.Web.Features.Accounts.Theme;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupleConnect.Web.Tests.Layout;

public class MainLayoutOnAPhone() : LayoutTestContext(Breakpoint.Xs)
{
    [Fact]
    public void SubscribesToTheBrowserViewport()
    {
        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Contains(Viewport.Observers, observer => ReferenceEquals(observer, layout.Instance)));
    }

    [Fact]
    public void OffersACalmPauseInTheAppBarToASignedInPartnerAndNoBannerWithoutATimeOut()
    {
        SignInAs("alex@example.com", "Alex");

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
        {
            var pause = layout.Find("header #pause-button");
            Assert.Equal("time-out", pause.GetAttribute("href"));
            Assert.Equal("Pause: call a time-out", pause.GetAttribute("aria-label"));
            Assert.Empty(layout.FindAll("#time-out-banner"));
        });
    }

    [Fact]
    public void ShowsTheBottomNavigationToASignedInPartner()
    {
        SignInAs("alex@example.com", "Alex");

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
        {
            var nav = layout.Find("nav.cc-bottom-nav");
            Assert.Equal("Main", nav.GetAttribute("aria-label"));
            Assert.Equal(
                [("Home", ""), ("Gratitude", "gratitude"), ("Noticed", "positives"), ("Rituals", "rituals"), ("Reminders", "preferences/reminders")],
                BottomNavItems(layout));
        });
    }

    [Fact]
    public void ShowsNoDrawerAndNoMenuButton()
    {
        SignInAs("alex@example.com", "Alex");

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
        {
            Assert.Contains("cc-layout--phone", layout.Find(".mud-layout").ClassList);
            Assert.Empty(layout.FindAll(".mud-drawer"));
            Assert.Empty(layout.FindAll("button[aria-label='Open navigation'], button[aria-label='Close navigation']"));
        });
    }

    [Fact]
    public void MarksHomeAsTheCurrentPageAtTheRoot()
    {
        SignInAs("alex@example.com", "Alex");

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
        {
            var active = layout.FindAll("nav.cc-bottom-nav a.cc-bottom-nav__item--active");
            var home = Assert.Single(active);
            Assert.Equal("Home", home.TextContent.Trim());
        });
    }

    [Fact]
    public void MarksRemindersAsTheCurrentPageOnTheReminderSettings()
    {
        SignInAs("alex@example.com", "Alex");
        Services.GetRequiredService<NavigationManager>().NavigateTo("preferences/reminders");

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
        {
            var active = layout.FindAll("nav.cc-bottom-nav a.cc-bottom-nav__item--active");
            var reminders = Assert.Single(active);
            Assert.Equal("Reminders", reminders.QuerySelector(".cc-bottom-nav__label")?.TextContent.Trim());
            Assert.Equal("preferences/reminders", reminders.GetAttribute("href"));
        });
    }

    [Fact]
    public void ShowsSignInInsteadOfAccountToAVisitor()
    {
        var layout = RenderLayout(interactive: false); // a visitor's pages render statically (ADR 0023)

        layout.WaitForAssertion(() =>
        {
            Assert.Equal(
                [("Home", ""), ("How it works", "how-it-works"), ("Sign in", "Account/Login")],
                BottomNavItems(layout));
            Assert.DoesNotContain(BottomNavItems(layout), item => item.Label == "Account");
        });
    }

    [Fact]
    public void ShowsTheDisplayNameNotTheEmailInTheAccountMenu()
    {
        SignInAs("alex@example.com", "Sam");

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
        {
            var avatar = layout.Find(".mud-appbar .cc-avatar");
            Assert.Equal("Sam", avatar.GetAttribute("title"));
            Assert.Equal("S", avatar.TextContent.Trim());
        });
    }

    [Fact]
    public void RendersThePageInsideTheLayout()
    {
        SignInAs("alex@example.com", "Alex");

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Equal("The page", layout.Find($"#main-content #{PageMarker}").TextContent));
    }
}

public class MainLayoutOnAWideScreen() : LayoutTestContext(Breakpoint.Lg)
{
    [Fact]
    public void ShowsTheDrawerInsteadOfTheBottomNavigation()
    {
        SignInAs("alex@example.com", "Alex");

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
        {
            Assert.Contains("cc-layout--wide", layout.Find(".mud-layout").ClassList);
            Assert.Empty(layout.FindAll("nav.cc-bottom-nav"));
            var drawer = layout.Find(".mud-drawer.cc-drawer");
            var links = drawer.QuerySelectorAll(".mud-nav-link").Select(link => link.TextContent.Trim()).ToList();
            Assert.Equal(["Home", "Gratitude", "Noticed", "Rituals", "Reminders", "Couple settings", "Our story", "Our goals", "Weekly temperature", "For the harder days", "How it works", "Account settings"], links);
            Assert.Single(layout.FindAll("button[aria-label='Close navigation']"));
        });
    }

    [Fact]
    public void OffersHowItWorksAndSignInInTheAppBarToAVisitor()
    {
        var layout = RenderLayout(interactive: false); // a visitor's pages render statically (ADR 0023)

        layout.WaitForAssertion(() =>
        {
            // No circuit reports the width: the style sheet shows these links on a wide screen and the bottom bar on a phone.
            var links = layout.Find(".mud-appbar").QuerySelectorAll("a").Select(link => (link.TextContent.Trim(), link.GetAttribute("href"))).ToList();
            Assert.Contains(("How it works", "how-it-works"), links);
            Assert.Contains(("Sign in", "Account/Login"), links);
            Assert.Contains("cc-wide-only", layout.Find(".mud-appbar a[href='how-it-works']").ClassList);
        });
    }

    [Fact]
    public async Task SwitchesToTheBottomNavigationWhenTheWindowNarrows()
    {
        SignInAs("alex@example.com", "Alex");
        var layout = RenderLayout();
        layout.WaitForAssertion(() => Assert.Empty(layout.FindAll("nav.cc-bottom-nav")));

        await layout.InvokeAsync(() => Viewport.ResizeToAsync(Breakpoint.Xs));

        layout.WaitForAssertion(() =>
        {
            Assert.Equal(["Home", "Gratitude", "Noticed", "Rituals", "Reminders"], BottomNavItems(layout).Select(item => item.Label));
            Assert.Empty(layout.FindAll(".mud-drawer"));
        });
    }

    [Fact]
    public async Task KeepsTheDrawerOnAMediumScreen()
    {
        SignInAs("alex@example.com", "Alex");
        var layout = RenderLayout();

        await layout.InvokeAsync(() => Viewport.ResizeToAsync(Breakpoint.Md));

        layout.WaitForAssertion(() =>
        {
            Assert.Empty(layout.FindAll("nav.cc-bottom-nav"));
            Assert.NotEmpty(layout.FindAll(".mud-drawer.cc-drawer"));
        });
    }

    [Fact]
    public async Task TreatsASmallTabletAsAPhone()
    {
        SignInAs("alex@example.com", "Alex");
        var layout = RenderLayout();

        await layout.InvokeAsync(() => Viewport.ResizeToAsync(Breakpoint.Sm));

        layout.WaitForAssertion(() =>
        {
            Assert.NotEmpty(layout.FindAll("nav.cc-bottom-nav"));
            Assert.Empty(layout.FindAll(".mud-drawer"));
        });
    }
}

/// <summary>A signed-out visitor's pages render statically: nothing on them may need a circuit to work.</summary>
public class MainLayoutRenderedStatically() : LayoutTestContext(Breakpoint.Xs)
{
    [Fact]
    public void OffersNoControlThatWouldNeedACircuit()
    {
        var layout = RenderLayout(interactive: false);

        Assert.Contains("cc-layout--static", layout.Find(".mud-layout").ClassList);
        Assert.Empty(layout.FindAll("button[aria-label^='Theme:']"));
        Assert.Empty(layout.FindAll("button[aria-label='Open navigation'], button[aria-label='Close navigation']"));
        Assert.Empty(layout.FindAll(".mud-drawer"));
        Assert.Empty(Viewport.Observers);
    }

    [Fact]
    public void FollowsTheSystemColourSchemeWithTheDarkPaletteInAMediaQuery()
    {
        var layout = RenderLayout(interactive: false);

        var dark = layout.Find("style[media='(prefers-color-scheme: dark)']");
        Assert.Contains($"--mud-palette-primary: {AppTheme.Theme.PaletteDark.Primary}", dark.TextContent, StringComparison.OrdinalIgnoreCase);
        var light = layout.FindAll("style").Where(style => style.GetAttribute("media") is null).Select(style => style.TextContent);
        Assert.Contains(light, css => css.Contains($"--mud-palette-primary: {AppTheme.Theme.PaletteLight.Primary}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AnInteractiveLayoutFollowsThePhoneUntilThePersonChoosesAndOffersTheThemeMenu()
    {
        var layout = RenderLayout(interactive: true);

        Assert.Single(layout.FindAll("style[media='(prefers-color-scheme: dark)']"));
        Assert.NotEmpty(layout.FindAll("button[aria-label='Theme: Follow my phone']"));
    }

    [Fact]
    public void ASavedDarkChoiceIsDrawnDarkFromTheFirstRenderWhateverThePhoneSays()
    {
        var layout = RenderLayout(interactive: true, savedTheme: ThemeChoice.Dark);

        Assert.Empty(layout.FindAll("style[media]"));
        Assert.Contains(layout.FindAll("style").Select(style => style.TextContent),
            css => css.Contains($"--mud-palette-primary: {AppTheme.Theme.PaletteDark.Primary}", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(layout.FindAll("button[aria-label='Theme: Dark']"));
    }

    [Fact]
    public void ASavedLightChoiceHasNoDarkMediaQueryToFollow()
    {
        var layout = RenderLayout(interactive: true, savedTheme: ThemeChoice.Light);

        Assert.Empty(layout.FindAll("style[media]"));
        Assert.DoesNotContain(layout.FindAll("style").Select(style => style.TextContent),
            css => css.Contains($"--mud-palette-primary: {AppTheme.Theme.PaletteDark.Primary}", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(layout.FindAll("button[aria-label='Theme: Light']"));
    }
}
