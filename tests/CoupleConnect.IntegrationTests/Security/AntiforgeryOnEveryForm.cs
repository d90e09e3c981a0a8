using System.Net;
using System.Text;
using CoupleConnect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Every endpoint of the app's route table that takes a POST validates the antiforgery token, or is a known exception
/// with its reason. Posted without the token (the forgery a foreign site would send with the victim's cookies), each
/// answers 400 and changes nothing in the database; the same forms with their token work. New pages and endpoints
/// are covered automatically.
/// </summary>
public sealed class AntiforgeryOnEveryForm(AdminConfiguredAppFixture app) : IClassFixture<AdminConfiguredAppFixture>
{
    /// <summary>POST endpoints that must not ask for an antiforgery token, and why.</summary>
    private static readonly Dictionary<string, string> KnownExceptions = new(StringComparer.Ordinal)
    {
        ["/unsubscribe/one-click"] = "RFC 8058 one-click unsubscribe: a mail app posts with no cookie and no token; the signed token in the address is the proof",
        ["/health/live"] = "a health check answers any method and changes nothing",
        ["/health/ready"] = "a health check answers any method and changes nothing",
        ["/_blazor/disconnect/"] = "Blazor's circuit endpoint, no form: only the circuit's own secret id can disconnect it",
        ["/_blazor/initializers/"] = "Blazor's list of JS initializers, read-only",
        ["/hangfire/{**path}"] = "Hangfire's admin-only dashboard checks the antiforgery token itself (its middleware answers 403 without one)",
    };

    [Fact]
    public void EveryEndpointThatTakesAPostValidatesTheTokenOrIsAKnownException()
    {
        var unprotected = PostEndpoints()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation != true)
            .Select(endpoint => endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?")
            .ToList();

        var unexplained = unprotected.Except(KnownExceptions.Keys).ToList();
        Assert.True(unexplained.Count == 0, $"POST endpoints without antiforgery validation: {string.Join(", ", unexplained)}");
        Assert.Empty(KnownExceptions.Keys.Except(unprotected)); // an exception that no longer exists is struck off the list
    }

    [Fact]
    public async Task APostWithoutItsTokenToAnyProtectedEndpointIsRefusedWith400AndChangesNothing()
    {
        // A paired admin, so that no page refuses the post for lack of rights before the token is even looked at.
        var admin = await app.Driver.NewPersonAsync("Avery", email: app.AdminEmail);
        await app.Driver.PairAsync(admin, await app.Driver.NewPersonAsync("Blake"));
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(admin.Email, AppFixture.Password); // the cookies a forged post rides on
        var protectedPaths = PostEndpoints()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation == true)
            .Select(endpoint => SamplePath(endpoint.RoutePattern))
            .Distinct()
            .ToList();
        Assert.Contains("/Account/Login", protectedPaths);
        Assert.Contains("/Account/Logout", protectedPaths);
        // The page's own form fields where it has a form (handler name, hidden values), the token taken out. Loaded
        // first: opening some pages writes (the authenticator page makes a key), posting must not.
        var posts = new List<(string Path, Dictionary<string, string> Body)>();
        foreach (var path in protectedPaths)
        {
            using var page = await browser.GetAsync(path);
            var html = page.StatusCode == HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : string.Empty;
            var forms = HtmlForms.Parse(html).Where(form => form.Action is null || HtmlForms.ResolvePath(form.Action) == path).ToList();
            posts.AddRange(forms.Count > 0
                ? forms.Select(form => (path, form.HiddenFields.Where(field => field.Key != "__RequestVerificationToken").ToDictionary()))
                : [(path, new Dictionary<string, string> { ["_handler"] = "forged" })]);
        }

        var before = await DatabaseFingerprintAsync();
        var wrong = new List<string>();
        foreach (var (path, body) in posts)
        {
            using var response = await browser.PostFormAsync(path, body);
            // The dev mailbox answers 404 to anyone but this machine (the test server's client has no address) before any form.
            var refusedAsNotHere = response.StatusCode == HttpStatusCode.NotFound && path.StartsWith("/dev/mailbox", StringComparison.Ordinal);
            if (response.StatusCode != HttpStatusCode.BadRequest && !refusedAsNotHere)
            {
                wrong.Add($"POST {path} [{string.Join(", ", body.Keys)}] without a token answered {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(posts.Count >= protectedPaths.Count);
        Assert.Equal(before, await DatabaseFingerprintAsync());
        await browser.LogInSuccessfullyAsync(admin.Email, AppFixture.Password); // still the same account, nothing changed
    }

    [Fact]
    public async Task LoggingInWithoutTheTokenIsRefusedAndWithItWorks()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        var form = HtmlForms.FindByFormName(await browser.GetPageAsync("/Account/Login"), "login");
        var fields = Without(form, "__RequestVerificationToken", new() { ["Input.Email"] = email, ["Input.Password"] = AppFixture.Password });

        using (var forged = await browser.PostFormAsync("/Account/Login", fields))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.False(AppBrowser.SetsAuthCookie(forged));
        }

        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
    }

    [Fact]
    public async Task RegisteringWithoutTheTokenIsRefusedAndCreatesNoAccountAndWithItWorks()
    {
        var registration = new RegistrationForm();
        using var browser = app.NewBrowser();
        var form = HtmlForms.FindByFormName(await browser.GetPageAsync("/Account/Register"), "register");

        using (var forged = await browser.PostFormAsync("/Account/Register", Without(form, "__RequestVerificationToken", new(registration.Fields))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(0, await app.Users.CountByEmailAsync(registration.Email));
        using var real = await registration.SubmitAsync(browser);
        Assert.Equal(1, await app.Users.CountByEmailAsync(registration.Email));
    }

    [Fact]
    public async Task ChangingThePasswordWithoutTheTokenIsRefusedAndKeepsTheOldOneAndWithItWorks()
    {
        const string NewPassword = "a different calm evening";
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
        var hashBefore = (await app.Users.FindByEmailAsync(email))!.PasswordHash;
        var fields = new Dictionary<string, string>
        {
            ["Input.OldPassword"] = AppFixture.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        };
        var form = HtmlForms.FindByFormName(await browser.GetPageAsync("/Account/Manage/ChangePassword"), "change-password");

        using (var forged = await browser.PostFormAsync("/Account/Manage/ChangePassword", Without(form, "__RequestVerificationToken", fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(hashBefore, (await app.Users.FindByEmailAsync(email))!.PasswordHash);
        using var real = await browser.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", fields);
        Assert.NotEqual(hashBefore, (await app.Users.FindByEmailAsync(email))!.PasswordHash);
        using var again = app.NewBrowser();
        await again.LogInSuccessfullyAsync(email, NewPassword);
    }

    [Fact]
    public async Task LoggingOutWithoutTheTokenIsRefusedAndTheSessionStaysAndWithItWorks()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
        var form = HtmlForms.FindByAction(await browser.GetPageAsync("/Account/Manage"), "/Account/Logout");

        using (var forged = await browser.PostFormAsync("/Account/Logout", Without(form, "__RequestVerificationToken", [])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.DoesNotContain(AppBrowser.SetCookies(forged), cookie => cookie.StartsWith(AppBrowser.AuthCookieName + "=;", StringComparison.Ordinal));
        }

        using (var stillIn = await browser.GetAsync("/Account/Manage"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        using var real = await browser.SubmitFormToAsync("/Account/Manage", "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        using var signedOut = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode); // to the login page
    }

    private static Dictionary<string, string> Without(HtmlForm form, string hiddenField, Dictionary<string, string> typed)
    {
        Assert.True(form.HiddenFields.ContainsKey(hiddenField), $"The form has no {hiddenField} to leave out.");
        var fields = form.HiddenFields.Where(field => field.Key != hiddenField).ToDictionary();
        foreach (var (name, value) in typed)
        {
            fields[name] = value;
        }

        return fields;
    }

    /// <summary>The app's route table: endpoints a POST can reach (SignalR hubs aside: no forms, and no cookie-only actions).</summary>
    private List<RouteEndpoint> PostEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || methods.HttpMethods.Contains("POST", StringComparer.OrdinalIgnoreCase))
            .Where(endpoint => endpoint.Metadata.GetMetadata<HubMetadata>() is null)
            .ToList();

    /// <summary>A concrete path for a route: a fresh guid for guid parameters, 1 for numbers, a word otherwise.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(policy => policy.Content is "guid") => Guid.NewGuid().ToString(),
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(policy => policy.Content is "int" or "long") => "1",
                    RoutePatternParameterPart => "sample",
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>One md5 over every row of every table (app and Hangfire schemas): equal means nothing changed.</summary>
    private async Task<string> DatabaseFingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprint = new StringBuilder();
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand($"SELECT coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {table} t", connection);
            fingerprint.Append(table).Append('=').Append(await hash.ExecuteScalarAsync()).Append('\n');
        }

        return fingerprint.ToString();
    }
}
