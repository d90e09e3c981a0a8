using System.Net;
using System.Text.RegularExpressions;

namespace CoupleConnect.Bench.Reliability;

/// <summary>Signs in over plain HTTP (the static SSR login form, antiforgery token and all) and returns the auth cookie.</summary>
public static partial class LoginCookie
{
    public const string CookieName = "CoupleConnect.Auth";

    /// <summary>The Set-Cookie header of the sign-in (name=value plus its attributes), sent with <c>X-Forwarded-Proto: https</c> when asked.</summary>
    public static async Task<string> SignInAsync(Uri instance, string email, string password, bool forwardedHttps)
    {
        // Cookies by hand, so the response's Set-Cookie headers stay readable (and a Secure one is not dropped over HTTP).
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = instance, Timeout = TimeSpan.FromSeconds(30) };
        using var get = await http.GetAsync("Account/Login");
        var page = await get.Content.ReadAsStringAsync();
        var antiforgery = get.Headers.TryGetValues("Set-Cookie", out var setCookies) ? string.Join("; ", setCookies.Select(value => value.Split(';')[0])) : string.Empty;
        var fields = HiddenInput().Matches(page)
            .Select(input => (Name: Attribute(input.Value, "name"), Value: WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? string.Empty)))
            .Where(field => field.Name is not null)
            .ToDictionary(field => field.Name!, field => field.Value);
        if (!fields.ContainsKey("__RequestVerificationToken"))
        {
            throw new InvalidOperationException("The login page has no antiforgery token.");
        }

        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var request = new HttpRequestMessage(HttpMethod.Post, "Account/Login") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", antiforgery);
        if (forwardedHttps)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        using var response = await http.SendAsync(request);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(value => value.StartsWith(CookieName + "=", StringComparison.Ordinal))
            : null;
        return cookie ?? throw new InvalidOperationException($"Signing in as {email} on {instance} gave no auth cookie ({(int)response.StatusCode} → {response.Headers.Location}).");
    }

    /// <summary>The status of GET <paramref name="path"/> on <paramref name="instance"/> with only this cookie (or none), no redirects followed.</summary>
    public static async Task<(HttpStatusCode Status, string? Location)> GetAsync(Uri instance, string path, string? setCookie)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = instance, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (setCookie is not null)
        {
            request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.ToString());
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"""\b{name}="(?<value>[^"]*)" """.TrimEnd()) is { Success: true } match ? match.Groups["value"].Value : null;

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
