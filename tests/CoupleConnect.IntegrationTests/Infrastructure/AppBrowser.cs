using System.Net;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// One visitor with a cookie jar and no automatic redirects, so tests see every 302. Posts forms the way a browser does:
/// load the page, send back its hidden fields (antiforgery token, <c>_handler</c>) with the typed values.
/// </summary>
public sealed class AppBrowser(HttpClient client) : IDisposable
{
    public const string AuthCookieName = "CoupleConnect.Auth";

    public HttpClient Http => client;

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}, expected 200.");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="pagePath"/>, fills the Blazor form named <paramref name="formName"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pagePath, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var form = HtmlForms.FindByFormName(await GetPageAsync(pagePath), formName);
        return await PostAsync(form.Action is null ? pagePath : HtmlForms.ResolvePath(form.Action), form, fields);
    }

    /// <summary>Loads <paramref name="pagePath"/> and submits its plain form that posts to <paramref name="actionPath"/>.</summary>
    public async Task<HttpResponseMessage> SubmitFormToAsync(string pagePath, string actionPath, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = HtmlForms.FindByAction(await GetPageAsync(pagePath), actionPath);
        return await PostAsync(actionPath, form, fields ?? new Dictionary<string, string>());
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Logs in and insists it worked, for tests whose subject is what a signed-in person can do.</summary>
    public async Task LogInSuccessfullyAsync(string email, string password)
    {
        using var response = await LogInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login answered {(int)response.StatusCode}, expected a redirect home.");
        Assert.True(SetsAuthCookie(response), "Login did not set the auth cookie.");
    }

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        SetCookies(response).Any(cookie => cookie.StartsWith(AuthCookieName, StringComparison.Ordinal)
            && !cookie.StartsWith(AuthCookieName + "=;", StringComparison.Ordinal));

    public static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    public void Dispose() => client.Dispose();

    private Task<HttpResponseMessage> PostAsync(string path, HtmlForm form, IReadOnlyDictionary<string, string> fields)
    {
        var posted = new Dictionary<string, string>(form.HiddenFields, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            posted[name] = value;
        }

        return PostFormAsync(path, posted);
    }
}
