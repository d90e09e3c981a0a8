using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(SafeTarget(uri ?? ""));

    /// <summary>
    /// Prevents open redirects: a path on this site stays as it is, an absolute address on this site becomes its path, and
    /// anything else (another host, "//host", "/\host") goes to the home page instead of an error.
    /// </summary>
    private string SafeTarget(string uri)
    {
        if (LocalReturnUrl.IsLocal(uri) || (uri.Length > 0 && uri[0] != '/' && Uri.IsWellFormedUriString(uri, UriKind.Relative) && !uri.Contains('\\', StringComparison.Ordinal)))
        {
            return uri;
        }

        return Uri.TryCreate(uri, UriKind.Absolute, out var absolute)
            && absolute.AbsoluteUri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
            ? navigationManager.ToBaseRelativePath(absolute.AbsoluteUri)
            : "";
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
