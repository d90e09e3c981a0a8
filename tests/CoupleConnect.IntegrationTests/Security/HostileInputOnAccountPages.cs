using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 8, item 9, for the static server-rendered (Identity) pages: every page the route table has, opened the first
/// way that shows it a form (signed out, signed in, in the middle of a two-factor sign-in, or from an emailed link);
/// every field of every form it renders (hidden ones included: people can change those too) gets every hostile
/// payload, alone and inside a valid value, with the other fields valid. Never a 500, never the markup echoed
/// unescaped, never a redirect off the site, and afterwards nothing invalid in any table.
/// </summary>
public sealed class HostileInputOnAccountPages(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    // What a browser sends on its own, not a person: tampering with these is antiforgery's business (item 10).
    private static readonly HashSet<string> FrameworkFields = new(StringComparer.Ordinal) { "__RequestVerificationToken", "_handler" };

    [Fact]
    public async Task EveryFieldOfEveryAccountPageRefusesOrKeepsHostileInputWithoutAnErrorOrAnUnescapedEcho()
    {
        var clock = Stopwatch.StartNew();
        var pages = RoutablePages.Of(app.Factory.Services).Where(page => page.StaticServerRendered).ToList();
        Assert.Contains(pages, page => page.Route == "/Account/Register"); // the discovery found the account pages at all
        var failures = new ConcurrentQueue<string>();
        var swept = new List<string>();
        var notSwept = new List<string>();
        var rowsBefore = await RowCountsAsync();
        var posts = 0;

        var sweeps = new List<Func<Task<int>>>();
        foreach (var page in pages)
        {
            if (page.Parameters.Count > 0)
            {
                notSwept.Add($"{page.Route}: needs route values ({string.Join(", ", page.Parameters)})");
                continue;
            }

            var opened = await OpenAsync(page.Route, failures);
            if (opened is null)
            {
                notSwept.Add($"{page.Route}: no form for any visitor");
                continue;
            }

            var (visitor, html, pagePath) = opened.Value;
            visitor.Browser.Dispose();
            var forms = HtmlForms.Parse(html);
            for (var formIndex = 0; formIndex < forms.Count; formIndex++)
            {
                var form = forms[formIndex];
                var fieldNames = form.Fields.Select(field => field.Name)
                    .Concat(form.HiddenFields.Keys.Where(name => !FrameworkFields.Contains(name)))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                foreach (var fieldName in fieldNames)
                {
                    swept.Add($"{page.Route} [{form.Handler ?? form.Action}] {fieldName}");
                    var index = formIndex;
                    sweeps.Add(() => SweepFieldAsync(visitor.Kind, page.Route, index, fieldName, failures));
                }
            }
        }

        // A few fields at a time: most of a post's time is waiting on password hashing and the database, not the CPU.
        using (var gate = new SemaphoreSlim(4))
        {
            var counts = await Task.WhenAll(sweeps.Select(async sweep =>
            {
                await gate.WaitAsync();
                try
                {
                    return await sweep();
                }
                finally
                {
                    gate.Release();
                }
            }));
            posts = counts.Sum();
        }

        output.WriteLine($"Swept {swept.Count} fields with {posts} posts in {clock.Elapsed.TotalSeconds:F1} s:");
        swept.ForEach(output.WriteLine);
        output.WriteLine("Not swept:");
        notSwept.ForEach(output.WriteLine);

        var rowsAfter = await RowCountsAsync();
        Assert.True(rowsAfter.ContainsKey("couples"), "The couples table is gone.");
        foreach (var (table, count) in rowsAfter.Where(table => !AccountTables(table.Key)))
        {
            // Beyond an account and its own reminder settings, no account page has anything to store.
            Assert.True(count == rowsBefore.GetValueOrDefault(table), $"{table} had {rowsBefore.GetValueOrDefault(table)} rows before the sweep and {count} after.");
        }

        var problems = failures
            .Concat(await StoredTextAudit.ProblemsAsync(app.Factory.ConnectionString, app.Factory.Services.GetRequiredService<FieldEncryptor>()))
            .Concat(await InvalidAccountsAsync())
            .Distinct()
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(60)));
        Assert.True(swept.Count >= 20, $"Only {swept.Count} fields were found: the form discovery is broken.");
    }

    /// <summary>Each payload alone, then inside the field's valid value, each on a freshly loaded form; returns the number of posts.</summary>
    private async Task<int> SweepFieldAsync(VisitorKind kind, string route, int formIndex, string fieldName, ConcurrentQueue<string> failures)
    {
        var visitor = await NewVisitorAsync(kind);
        var pagePath = route + visitor.Query;
        var posts = 0;
        string? nextPage = null; // a refused post re-renders the form: the next payload can go straight into it
        try
        {
            var attempts = HostilePayloads.All.Select(payload => (payload.Name, Embedded: false, payload.Value))
                .Concat(HostilePayloads.All.Where(payload => payload.Embeddable).Select(payload => (payload.Name, Embedded: true, payload.Value)));
            foreach (var (name, embedded, payload) in attempts)
            {
                var where = $"{pagePath} {fieldName} ← {name}{(embedded ? " (inside a valid value)" : string.Empty)}";
                var html = nextPage ?? await GetFormPageAsync(visitor, pagePath);
                nextPage = null;
                if (html is null)
                {
                    // The last post signed this visitor out or locked them out (logout form, lockout): a new one carries on.
                    visitor.Browser.Dispose();
                    visitor = await NewVisitorAsync(kind);
                    pagePath = route + visitor.Query;
                    html = await GetFormPageAsync(visitor, pagePath);
                    if (html is null)
                    {
                        failures.Enqueue($"{where}: the page no longer shows its form to a new visitor.");
                        continue;
                    }
                }

                var forms = HtmlForms.Parse(html);
                if (formIndex >= forms.Count)
                {
                    failures.Enqueue($"{where}: the page rendered {forms.Count} forms, expected at least {formIndex + 1}.");
                    continue;
                }

                var form = forms[formIndex];
                var fields = ValidValues(form, visitor);
                fields[fieldName] = embedded ? Embed(fields.GetValueOrDefault(fieldName), payload) : payload;
                var posted = new Dictionary<string, string>(form.HiddenFields, StringComparer.Ordinal);
                foreach (var (key, value) in fields)
                {
                    posted[key] = value;
                }

                var action = form.Action is null ? pagePath : HtmlForms.ResolvePath(form.Action);
                using var response = await visitor.Browser.PostFormAsync(action, posted);
                posts++;
                var body = await CheckResponseAsync(visitor.Browser, response, where, failures);
                if (response.StatusCode == HttpStatusCode.OK && body is not null && HtmlForms.Parse(body).Count == forms.Count)
                {
                    nextPage = body;
                }
            }
        }
        finally
        {
            visitor.Browser.Dispose();
        }

        return posts;
    }

    /// <summary>Checks one answer to a post (and where it redirects to); returns its body.</summary>
    private static async Task<string?> CheckResponseAsync(AppBrowser browser, HttpResponseMessage response, string where, ConcurrentQueue<string> failures)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Enqueue($"{where}: HTTP {(int)response.StatusCode}.");
            return null;
        }

        var body = await response.Content.ReadAsStringAsync();
        CheckNoUnescapedMarkup(body, where, failures);
        if (response.Headers.Location is not { } location)
        {
            return body;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost/"), location);
        if (target.Host != "localhost" || location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal))
        {
            failures.Enqueue($"{where}: redirected off the site, to {location.OriginalString}.");
            return null;
        }

        // Where the redirect leads (a status message, a confirmation page) must hold up too.
        using var followed = await browser.GetAsync(target.PathAndQuery);
        if ((int)followed.StatusCode >= 500)
        {
            failures.Enqueue($"{where}: the redirect to {target.PathAndQuery} answered HTTP {(int)followed.StatusCode}.");
            return null;
        }

        CheckNoUnescapedMarkup(await followed.Content.ReadAsStringAsync(), $"{where} → {target.AbsolutePath}", failures);
        return null;
    }

    private static void CheckNoUnescapedMarkup(string html, string where, ConcurrentQueue<string> failures)
    {
        foreach (var markup in HostilePayloads.Markup.Where(markup => html.Contains(markup, StringComparison.OrdinalIgnoreCase)))
        {
            failures.Enqueue($"{where}: the response contains {markup} unescaped.");
        }
    }

    /// <summary>A value for every field a person fills: what the page rendered, or a plausible valid one for an empty field.</summary>
    private static Dictionary<string, string> ValidValues(HtmlForm form, Visitor visitor)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            var name = field.Name;
            values[name] = field switch
            {
                { Value.Length: > 0 } => field.Value,
                { Type: "checkbox" } => "true",
                _ when field.Type == "password" || name.Contains("Password", StringComparison.OrdinalIgnoreCase) => AppFixture.Password,
                _ when field.Type == "email" || name.Contains("Email", StringComparison.OrdinalIgnoreCase)
                    => name.Contains("New", StringComparison.OrdinalIgnoreCase) || visitor.Email is null ? AppFixture.UniqueEmail("hostile") : visitor.Email,
                _ when name.Contains("Code", StringComparison.OrdinalIgnoreCase) => "123456",
                _ when name.Contains("Name", StringComparison.OrdinalIgnoreCase) => "Sam",
                _ => "a calm value",
            };
        }

        return values;
    }

    private static string Embed(string? valid, string payload) => valid switch
    {
        null or "" => "Sam" + payload + "Sam",
        _ when valid.IndexOf('@', StringComparison.Ordinal) is > 0 and var at => valid[..at] + payload + valid[at..],
        _ => valid[..(valid.Length / 2)] + payload + valid[(valid.Length / 2)..],
    };

    // ---- visitors: the ways a page can be reached -------------------------------------------------------------------

    private enum VisitorKind
    {
        SignedOut,
        SignedIn,
        MidwayThroughTwoFactorSignIn,
        FromAnEmailedLink,
    }

    private sealed record Visitor(VisitorKind Kind, AppBrowser Browser, string? Email, string Query);

    /// <summary>The page with a form, for the first kind of visitor it shows one to; null when it shows none to anybody.</summary>
    /// <remarks>Opening a page is itself input (anyone can type its address): a 500 for any visitor is a failure too.</remarks>
    private async Task<(Visitor Visitor, string Html, string PagePath)?> OpenAsync(string route, ConcurrentQueue<string> failures)
    {
        foreach (var kind in Enum.GetValues<VisitorKind>())
        {
            var visitor = await NewVisitorAsync(kind);
            var path = route + visitor.Query;
            using (var response = await visitor.Browser.GetAsync(path))
            {
                if ((int)response.StatusCode >= 500)
                {
                    failures.Enqueue($"GET {route} as {kind}: HTTP {(int)response.StatusCode}.");
                }
            }

            var html = await GetFormPageAsync(visitor, path);
            if (html is not null)
            {
                return (visitor, html, path);
            }

            visitor.Browser.Dispose();
        }

        return null;
    }

    private static async Task<string?> GetFormPageAsync(Visitor visitor, string path)
    {
        using var response = await visitor.Browser.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var html = await response.Content.ReadAsStringAsync();
        return HtmlForms.Parse(html).Count > 0 && !IsOnlyTheSignOutForm(html) ? html : null;
    }

    // The page layout's own sign-out form is on every signed-in page; it alone does not make a page "have a form".
    private static bool IsOnlyTheSignOutForm(string html) =>
        HtmlForms.Parse(html).All(form => form.Action is { } action && HtmlForms.ResolvePath(action).StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase));

    private async Task<Visitor> NewVisitorAsync(VisitorKind kind)
    {
        var browser = app.NewBrowser();
        switch (kind)
        {
            case VisitorKind.SignedOut:
                return new Visitor(kind, browser, await app.CreateConfirmedUserAsync(), string.Empty);
            case VisitorKind.SignedIn:
                var email = await app.CreateConfirmedUserAsync();
                await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
                return new Visitor(kind, browser, email, string.Empty);
            case VisitorKind.MidwayThroughTwoFactorSignIn:
                var twoFactorEmail = await CreateTwoFactorUserAsync();
                using (var response = await browser.LogInAsync(twoFactorEmail, AppFixture.Password))
                {
                    Assert.Contains("LoginWith2fa", response.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
                }

                return new Visitor(kind, browser, twoFactorEmail, string.Empty);
            default:
                var (linkEmail, code) = await PasswordResetCodeAsync();
                return new Visitor(kind, browser, linkEmail, $"?code={code}");
        }
    }

    private async Task<string> CreateTwoFactorUserAsync()
    {
        var email = await app.CreateConfirmedUserAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user just made is missing.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return email;
    }

    /// <summary>A password reset code as the forgot-password email carries it (base64url of the token).</summary>
    private async Task<(string Email, string Code)> PasswordResetCodeAsync()
    {
        var email = await app.CreateConfirmedUserAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user just made is missing.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return (email, WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)));
    }

    // ---- the database before and after ------------------------------------------------------------------------------

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.Factory.ConnectionString);
        var tables = new List<string>();
        await using (var command = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = dataSource.CreateCommand($"SELECT count(*) FROM \"{table}\"");
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static bool AccountTables(string table) =>
        // The sweep's sign-ins open sessions, and its wrong passwords are counted by design (docs/adr/0019).
        table.StartsWith("AspNet", StringComparison.Ordinal) || table.StartsWith("reminder_", StringComparison.Ordinal)
        || table is "data_protection_keys" or "user_sessions" or "password_failures";

    /// <summary>Every stored account held against the app's own rules for names, zones and addresses.</summary>
    private async Task<IEnumerable<string>> InvalidAccountsAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().Users.ToList();
        return users.SelectMany(user => new[]
        {
            Domain.Accounts.DisplayName.Check(user.DisplayName).Error is { } nameProblem ? $"Account {user.Id}: display name: {nameProblem}" : null,
            Domain.Common.TimeZoneId.TryParse(user.TimeZoneId, out _) ? null : $"Account {user.Id}: time zone {user.TimeZoneId} is not a zone.",
            EmailAddressRules.Problem(user.Email) is { } emailProblem ? $"Account {user.Id}: email: {emailProblem}" : null,
        }).OfType<string>().ToList();
    }
}
