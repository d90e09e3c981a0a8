using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>One request of the sweep and its answer. <see cref="Sent"/> is this request plus everything the visitor typed so far.</summary>
public sealed record SweepRequest(string Who, AppRoute Route, string Method, string Url, int Status, string? Location, string Body, string Sent)
{
    public override string ToString() => $"{Method} {Url} as {Who} → {Status}{(Location is null ? string.Empty : " " + Location)}";
}

/// <summary>
/// A visitor of the sweep: a signed-in stranger (signed in again whenever a request signs them out) or an anonymous
/// visitor, with a current antiforgery token for posts. Remembers what it typed: a string it typed is its own to see.
/// </summary>
public sealed class SweepVisitor : IDisposable
{
    private const string TokenPage = "/Account/ForgotPassword";

    private readonly AppFixture _app;
    private readonly TestPerson? _person;
    private readonly System.Text.StringBuilder _typed = new();
    private AppBrowser _browser;

    private SweepVisitor(AppFixture app, string who, TestPerson? person)
    {
        (_app, Who, _person) = (app, who, person);
        _browser = app.NewBrowser();
    }

    public string Who { get; }

    public string Token { get; private set; } = string.Empty;

    public static async Task<SweepVisitor> StartAsync(AppFixture app, string who, TestPerson? person)
    {
        var visitor = new SweepVisitor(app, who, person);
        await visitor.SignInAsync();
        return visitor;
    }

    public async Task<SweepRequest> SendAsync(SweepTarget target, HttpMethod method, string url, IReadOnlyDictionary<string, string>? fields)
    {
        // What this request names (ids in its address) counts for this answer only; what the visitor typed into a form
        // stays theirs: a couple name they posted may come back on any later page of their own.
        var sent = new System.Text.StringBuilder(Uri.UnescapeDataString(url)).Append('\n');
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            sent.Append(name).Append('=').Append(value).Append('\n');
            if (name != SweepForm.AntiforgeryField)
            {
                _typed.Append(value).Append('\n');
            }
        }

        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (fields is not null)
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        using var response = await _browser.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var answer = new SweepRequest(Who, target.Route, method.Method, url, (int)response.StatusCode, response.Headers.Location?.ToString(), body, sent.Append(_typed).ToString());
        if (_person is not null && SignsOut(response))
        {
            await SignInAsync();
        }

        return answer;
    }

    public void Dispose() => _browser.Dispose();

    private static bool SignsOut(HttpResponseMessage response) =>
        AppBrowser.SetCookies(response).Any(cookie => cookie.StartsWith(AppBrowser.AuthCookieName + "=;", StringComparison.Ordinal));

    private async Task SignInAsync()
    {
        if (_person is not null)
        {
            // A fresh cookie jar: whatever the last request left (an external-login or 2fa cookie) goes with the old one.
            _browser.Dispose();
            _browser = _app.NewBrowser();
            await _browser.LogInSuccessfullyAsync(_person.Email, AppFixture.Password);
        }

        var form = SweepForms.Parse(await _browser.GetPageAsync(TokenPage)).First(form => form.Token is not null);
        Token = form.Token!;
    }
}
