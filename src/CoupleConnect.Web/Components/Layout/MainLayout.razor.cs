using CoupleConnect.Web.Features.Accounts.Theme;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MudBlazor.Services;

namespace CoupleConnect.Web.Components.Layout;

/// <summary>
/// Phone-first: an app bar and a bottom navigation below the Md breakpoint (960 px), a drawer above it.
/// Until the browser reports its size (prerendering), the phone layout is assumed. Statically rendered (signed-out)
/// pages have no circuit to ask, so CSS alone picks the bottom bar or the app bar's links.
/// </summary>
public partial class MainLayout
{
    private ThemeChoice _theme;
    private bool _drawerOpen = true;
    private Breakpoint? _breakpoint;

    /// <summary>The person's saved light/dark choice, cascaded from the page's root (App reads it per request).</summary>
    [CascadingParameter]
    public ThemeChoice SavedTheme { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private ThemePreferences ThemePreferences { get; set; } = default!;

    public Guid Id { get; } = Guid.NewGuid();

    public ResizeOptions ResizeOptions { get; } = new() { NotifyOnBreakpointOnly = true, ReportRate = 250 };

    internal bool IsPhone => _breakpoint is null or Breakpoint.Xs or Breakpoint.Sm;

    /// <summary>Static server rendering: the page never becomes interactive (ADR 0023).</summary>
    private bool IsStatic => AssignedRenderMode is null;

    private string LayoutClass => IsStatic ? "cc-layout cc-layout--static"
        : IsPhone ? "cc-layout cc-layout--phone" : "cc-layout cc-layout--wide";

    public Task NotifyBrowserViewportChangeAsync(BrowserViewportEventArgs browserViewportEventArgs)
    {
        _breakpoint = browserViewportEventArgs.Breakpoint;
        return InvokeAsync(StateHasChanged);
    }

    public async ValueTask DisposeAsync()
    {
        await ViewportService.UnsubscribeAsync(this);
        GC.SuppressFinalize(this);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || IsStatic)
        {
            return;
        }

        await ViewportService.SubscribeAsync(this, fireImmediately: true);
    }

    protected override void OnInitialized() => _theme = SavedTheme;

    private async Task ChooseThemeAsync(ThemeChoice choice)
    {
        _theme = choice;
        if (AuthenticationState is not null)
        {
            await ThemePreferences.SaveAsync((await AuthenticationState).User, choice);
        }
    }
}
