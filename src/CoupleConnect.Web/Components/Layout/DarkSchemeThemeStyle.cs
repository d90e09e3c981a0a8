using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace CoupleConnect.Web.Components.Layout;

/// <summary>
/// For statically rendered pages, where no circuit can ask the browser for its colour scheme: the theme's dark palette
/// in a style sheet that applies only under <c>prefers-color-scheme: dark</c>. Placed after the light
/// <see cref="MudThemeProvider"/>, so a signed-out visitor gets their system's choice from the first paint.
/// Use with <c>IsDarkMode="true"</c>.
/// </summary>
public sealed class DarkSchemeThemeStyle : MudThemeProvider
{
    private const string DarkSchemeStyleTag = """<style media="(prefers-color-scheme: dark)" """;

    protected override void BuildRenderTree(RenderTreeBuilder __builder) =>
        __builder.AddMarkupContent(0, BuildTheme().Replace("<style ", DarkSchemeStyleTag, StringComparison.Ordinal));
}
