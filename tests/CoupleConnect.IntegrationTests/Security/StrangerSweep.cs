using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// "A stranger test for every couple-scoped page and endpoint" (docs/architecture.md), made automatic: every route of the app's own
/// route table is requested, with every method it accepts, by a person from another couple, by an unpaired person and
/// anonymously, aimed at the victim couple's real ids, days and tokens. No response holds anything of the victim
/// (a string the visitor sent in that request, or typed into any form, is theirs to see again), none is a 500, and no row of the victim couple changes.
/// <para>
/// Plain HTTP sees what prerendering shows, and posts reach static-SSR forms only. An interactive page's circuit renders
/// with the same signed-in user through the same feature services (components never touch the database), so what a
/// stranger's circuit could show or change is what those services give a stranger: that is the service half of the
/// stranger tests (<see cref="CoupleScopedRoutes.CoupleServiceProbes"/>). No circuit is opened here.
/// </para>
/// </summary>
public sealed class StrangerSweep(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string SignOutPath = "/Account/Logout";

    /// <summary>The @page routes when this was written: fewer found means the enumeration broke, not that pages went.</summary>
    private const int KnownPages = 49;

    /// <summary>Endpoints that are not pages, static assets or Blazor's own, each of which the table must hold.</summary>
    private static readonly string[] KnownEndpoints =
    [
        "/couple/archive/export", "/calendar/{token}.ics", "/unsubscribe/one-click", "/dev/mailbox/{id}/html",
        "/health/live", "/health/ready", "/hangfire/{**path}", "/Account/Logout",
        "/Account/PasskeyCreationOptions", "/Account/PasskeyRequestOptions", "/Account/Manage/DownloadPersonalData", "/_blazor", "/_blazor/negotiate",
    ];

    [Fact]
    public void TheRouteTableHoldsEveryKnownPageAndEndpoint()
    {
        var routes = AppRouteTable.Read(app.Factory.Services);

        var pages = routes.Count(route => route.Page is not null);
        Assert.True(pages >= KnownPages, $"The route table lists {pages} pages; at least {KnownPages} exist.");
        Assert.Subset(routes.Select(route => route.Pattern).ToHashSet(StringComparer.Ordinal), KnownEndpoints.ToHashSet(StringComparer.Ordinal));
        Assert.Contains(routes, route => route.IsStaticAsset);
        Assert.Equal(["template"], routes.Single(route => route.Pattern == "/rituals/new").QueryParameters);
        Assert.Equal(["token"], routes.Single(route => route.Pattern == "/unsubscribe/one-click").QueryParameters);
        Assert.Equal(["POST"], routes.Single(route => route.Pattern == "/Account/Logout").Methods);
        Assert.Equal(["returnUrl", "PushEndpoint"], routes.Single(route => route.Pattern == "/Account/Logout").FormFields);
    }

    [Fact]
    public void ARouteTheSweepCannotAimAtTheVictimFailsTellingTheDeveloperWhatToTeachIt()
    {
        var tomorrowsPage = new AppRoute("/letters/{LetterId:guid}", ["GET", "POST"], ["LetterId"], ["from"], [], typeof(object), false);
        var tomorrowsEndpoint = new AppRoute("/letters/send", ["POST"], [], [], ["letter"], null, false);
        var todays = new AppRoute("/rituals/{Id:guid}", ["GET"], ["Id"], [], [], typeof(object), false);

        var ritual = $"/rituals/{Guid.NewGuid()}";

        var (targets, problems) = StrangerSweepPlan.For([tomorrowsPage, tomorrowsEndpoint, todays], [ritual, "/rituals/new", "/letters/send?from=me"], new Dictionary<string, string>());

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, problem => problem.Contains("/letters/{LetterId:guid}", StringComparison.Ordinal) && problem.Contains("{LetterId}", StringComparison.Ordinal) && problem.Contains("Teach it", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("query parameter 'from'", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("form field 'letter'", StringComparison.Ordinal));
        Assert.Equal(["/letters/send", "/letters/send?from=me", ritual], targets.Select(target => target.Url));
    }

    [Fact]
    public async Task EveryRouteShowsStrangersUnpairedUsersAndAnonymousVisitorsNothingOfTheCouple()
    {
        var routes = AppRouteTable.Read(app.Factory.Services);
        var victim = await StrangerSweepTargets.CreateVictimAsync(app);
        var (targets, problems) = StrangerSweepPlan.For(routes, victim.Urls, victim.FormValues);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
        var victimForms = await VictimFormsAsync(victim, targets);
        var before = await SnapshotAsync(victim.Couple);

        var sweep = new List<SweepRequest>();
        var visitors = (await CoupleScopedRoutes.CreateStrangersAsync(app.Driver)).Select(stranger => (stranger.Who, (TestPerson?)stranger.Person)).Append(("an anonymous visitor", null));
        foreach (var (who, person) in visitors)
        {
            using var visitor = await SweepVisitor.StartAsync(app, who, person);
            await SweepAsync(visitor, targets, victimForms, victim.FormValues, sweep);
        }

        var failures = sweep.SelectMany(request => Failures(request, victim.Couple)).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {sweep.Count} sweep requests failed:\n{string.Join("\n", failures.Take(40))}");
        Assert.Equal(before, await SnapshotAsync(victim.Couple));
        foreach (var who in sweep.Select(request => request.Who).Distinct())
        {
            var covered = sweep.Where(request => request.Who == who).Select(request => request.Route.Pattern).ToHashSet(StringComparer.Ordinal);
            Assert.True(covered.Count == routes.Count, $"{who} reached {covered.Count} of {routes.Count} routes: {string.Join(", ", routes.Select(route => route.Pattern).Except(covered))} missing.");
        }

        output.WriteLine($"{routes.Count} routes ({routes.Count(route => route.Page is not null)} pages, {routes.Count(route => route.IsStaticAsset)} static assets), {targets.Count} addresses, {sweep.Count} requests.");
        foreach (var group in sweep.GroupBy(request => (request.Who, request.Status)).OrderBy(group => group.Key.Who, StringComparer.Ordinal).ThenBy(group => group.Key.Status))
        {
            output.WriteLine($"{group.Key.Who}: {group.Count()} × {group.Key.Status}");
        }

        sweep.Where(request => !request.Route.IsStaticAsset).Select(request => request.ToString()).ToList().ForEach(output.WriteLine);
    }

    /// <summary>
    /// Every GET and HEAD first, while the visitor has sent nothing of the victim, then the posts: a bare one with the
    /// visitor's antiforgery token, each form of the page as the visitor sees it, and each form of the page as the victim
    /// sees it (its fields, ids and texts as rendered for the victim) under the visitor's token.
    /// </summary>
    private static async Task SweepAsync(SweepVisitor visitor, IReadOnlyList<SweepTarget> targets, IReadOnlyDictionary<string, IReadOnlyList<SweepForm>> victimForms, IReadOnlyDictionary<string, string> formValues, List<SweepRequest> sweep)
    {
        foreach (var target in targets)
        {
            foreach (var method in target.Route.Methods.Where(method => method != HttpMethods.Post))
            {
                sweep.Add(await visitor.SendAsync(target, new HttpMethod(method), target.Url, fields: null));
            }
        }

        var posted = targets.Where(target => target.Route.Methods.Contains(HttpMethods.Post)).ToList();
        foreach (var target in posted)
        {
            if (target.Route.Page is null)
            {
                var fields = target.Route.FormFields.ToDictionary(name => name, name => formValues[name], StringComparer.Ordinal);
                fields[SweepForm.AntiforgeryField] = visitor.Token;
                sweep.Add(await visitor.SendAsync(target, HttpMethod.Post, target.Url, fields));
                continue;
            }

            sweep.Add(await visitor.SendAsync(target, HttpMethod.Post, target.Url, new Dictionary<string, string> { [SweepForm.AntiforgeryField] = visitor.Token }));
            var page = await visitor.SendAsync(target, HttpMethod.Get, target.Url, fields: null);
            await PostFormsAsync(visitor, target, SweepForms.Parse(page.Body), sweep);
        }

        // Last, as anything the visitor typed is theirs to see from then on: the victim's own forms, replayed.
        foreach (var target in posted.Where(target => target.Route.Page is not null))
        {
            await PostFormsAsync(visitor, target, victimForms.GetValueOrDefault(target.Url, []), sweep);
        }
    }

    private static async Task PostFormsAsync(SweepVisitor visitor, SweepTarget target, IEnumerable<SweepForm> forms, List<SweepRequest> sweep)
    {
        // The sign-out form on every page is swept once as its own endpoint; posting it from each page only signs in again.
        foreach (var form in forms.Where(form => form.Token is not null && !IsSignOut(form)))
        {
            var fields = new Dictionary<string, string>(form.Fields, StringComparer.Ordinal) { [SweepForm.AntiforgeryField] = visitor.Token };
            sweep.Add(await visitor.SendAsync(target, HttpMethod.Post, form.Action is { Length: > 0 } action ? HtmlForms.ResolvePath(action) : target.Url, fields));
        }
    }

    private static bool IsSignOut(SweepForm form) =>
        form.Action is { Length: > 0 } action && HtmlForms.ResolvePath(action).Equals(SignOutPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with one answer: a server error, or a string of the victim the visitor never sent.</summary>
    private static IEnumerable<string> Failures(SweepRequest request, VictimCouple victim)
    {
        if (request.Status >= 500)
        {
            yield return $"{request} answered {request.Status}: {request.Body[..Math.Min(300, request.Body.Length)]}";
        }

        if (StrangerSweepTargets.OpenByDesignInDevelopment.Contains(request.Route.Pattern, StringComparer.Ordinal))
        {
            yield break;
        }

        var shown = request.Body + "\n" + request.Location;
        var leaked = victim.Secrets.Where(secret => CoupleScopedRoutes.Shows(shown, secret) && !CoupleScopedRoutes.Shows(request.Sent, secret)).Distinct().ToList();
        if (leaked.Count > 0)
        {
            yield return $"{request} ({request.Status}) shows the victim couple's data: {string.Join(", ", leaked.Select(secret => $"\"{secret}\""))}";
        }
    }

    /// <summary>The forms of each page address as the victim sees it, for the strangers to replay.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<SweepForm>>> VictimFormsAsync(SweepVictim victim, IReadOnlyList<SweepTarget> targets)
    {
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(victim.Couple.Member.Email, AppFixture.Password);
        var forms = new Dictionary<string, IReadOnlyList<SweepForm>>(StringComparer.Ordinal);
        var showsTheVictim = 0;
        foreach (var url in targets.Where(target => target.Route.Page is not null && target.Route.Methods.Contains(HttpMethods.Post)).Select(target => target.Url).Distinct())
        {
            using var response = await browser.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            forms[url] = SweepForms.Parse(html);
            showsTheVictim += victim.Couple.Secrets.Any(secret => CoupleScopedRoutes.Shows(html, secret)) ? 1 : 0;
        }

        // The positive control: the same check finds the victim's data on the victim's own pages.
        Assert.True(showsTheVictim >= 10, $"Only {showsTheVictim} of the victim's own pages show anything of the victim: the secret check can't see.");
        Assert.Contains(forms.Values.SelectMany(pageForms => pageForms), form => form.Token is not null);
        return forms;
    }

    /// <summary>The victim couple's rows (current and former couple) and the victim's passkey, as text to compare.</summary>
    private async Task<IReadOnlyList<string>> SnapshotAsync(VictimCouple victim)
    {
        var rituals = new RitualTables(app.Driver.Tables.ConnectionString);
        var snapshot = new List<string>();
        foreach (var coupleId in new[] { victim.Current.CoupleId, victim.Former.CoupleId })
        {
            snapshot.Add($"{await app.Driver.Tables.CoupleAsync(coupleId)}");
            snapshot.Add(await app.Driver.CheckInTables.SnapshotAsync(coupleId));
            snapshot.Add($"{await app.Driver.Positives().SnapshotAsync(coupleId)}");
            snapshot.Add(await rituals.SnapshotAsync(coupleId));
        }

        snapshot.Add(string.Join(",", await app.Driver.Tables.ActiveCoupleIdsOfAsync(victim.Member.Id)));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var member = await users.FindByIdAsync(victim.Member.Id);
        snapshot.Add(string.Join(",", (await users.GetPasskeysAsync(member!)).Select(passkey => passkey.Name)));
        snapshot.Add($"{member!.Email} {member.DisplayName} {member.PasswordHash}");
        return snapshot;
    }
}
