using System.Security.Claims;
using Bunit.TestDoubles;
using CoupleConnect.Web.Components.Layout;
using CoupleConnect.Web.Features.Accounts.Theme;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.TimeOuts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CoupleConnect.Web.Tests.Layout;

/// <summary>
/// bUnit set up the way MudBlazor tests itself (loose JS interop, no transitions, popover provider check off), with a
/// fake viewport service standing in for the browser's window size.
/// </summary>
public abstract class LayoutTestContext : BunitContext, IAsyncLifetime
{
    protected const string PageMarker = "page-under-layout";

    private readonly BunitAuthorizationContext _auth;

    protected LayoutTestContext(Breakpoint breakpoint)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Viewport = new FakeBrowserViewportService(breakpoint);
        Services.AddSingleton<IBrowserViewportService>(Viewport);
        _auth = AddAuthorization();

        // The theme menu saves through ThemePreferences; these tests never choose, so no database is needed.
        Services.AddSingleton<IDbContextFactory<AppDbContext>, NoDatabase>();
        Services.AddScoped<ThemePreferences>();

        // The time-out banner asks for the couple's current time-out; nobody here has a couple, so no database either.
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create("Host=never.used.invalid"));
        Services.AddSingleton<CoupleChangeRelay>();
        Services.AddSingleton<CoupleNotifier>();
        Services.AddOptions<CouplesOptions>();
        Services.AddOptions<ReminderOptions>();
        Services.AddSingleton<UserActionThrottle>();
        Services.AddSingleton<ReminderOutboxStore>();
        Services.AddSingleton<TimeOutReminders>();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<CurrentCouple>();
        Services.AddScoped<CoupleDb>();
        Services.AddScoped<TimeOutService>();
    }

    internal FakeBrowserViewportService Viewport { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are IAsyncDisposable only; xUnit's synchronous Dispose would throw.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected void SignInAs(string email, string displayName)
    {
        _auth.SetAuthorized(email);
        _auth.SetClaims(new Claim("cc:display_name", displayName));
    }

    /// <summary>Renders the layout as the app does for a signed-in person (interactive), or statically when asked.</summary>
    protected IRenderedComponent<MainLayout> RenderLayout(bool interactive = true, ThemeChoice savedTheme = ThemeChoice.FollowDevice) =>
        Render<MainLayout>(parameters =>
        {
            parameters.AddCascadingValue(savedTheme);
            parameters.Add(
                layout => layout.Body,
                (RenderFragment)(builder => builder.AddMarkupContent(0, $"<p id=\"{PageMarker}\">The page</p>")));
            if (interactive)
            {
                parameters.SetAssignedRenderMode(RenderMode.InteractiveServer);
            }
        });

    protected static IReadOnlyList<(string Label, string? Href)> BottomNavItems(IRenderedComponent<MainLayout> layout) =>
        layout.Find("nav.cc-bottom-nav")
            .QuerySelectorAll("a.cc-bottom-nav__item")
            .Select(link => (link.QuerySelector(".cc-bottom-nav__label")?.TextContent.Trim() ?? string.Empty, link.GetAttribute("href")))
            .ToList();
}

internal sealed class NoDatabase : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => throw new InvalidOperationException("Layout tests have no database.");
}
