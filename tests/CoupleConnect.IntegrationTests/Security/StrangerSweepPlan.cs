using CoupleConnect.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>One request of the sweep: a route of the app's table and an address aimed at the victim.</summary>
public sealed record SweepTarget(AppRoute Route, string Url);

/// <summary>
/// Which addresses the sweep sends to which route: every address of <see cref="SweepVictim.Urls"/> goes to each route
/// whose pattern it matches (an exact literal route wins over a parameter, as the router's does). A route left without
/// a value for one of its route or query parameters, or a form field without a value, is a problem that fails the sweep.
/// </summary>
public static class StrangerSweepPlan
{
    public static (IReadOnlyList<SweepTarget> Targets, IReadOnlyList<string> Problems) For(IReadOnlyList<AppRoute> routes, IReadOnlyList<string> urls, IReadOnlyDictionary<string, string> formValues)
    {
        var literals = routes.Where(route => route.RouteParameters.Count == 0).Select(route => route.Pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var targets = new List<SweepTarget>();
        var problems = new List<string>();
        foreach (var route in routes)
        {
            var matcher = new TemplateMatcher(TemplateParser.Parse(route.Pattern.TrimStart('/')), new RouteValueDictionary());
            var aimed = urls
                .Where(url => Matches(route, matcher, PathOf(url), literals, problems))
                .Prepend(route.RouteParameters.Count == 0 ? route.Pattern : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (route.RouteParameters.Count > 0 && aimed.Count == 0)
            {
                problems.Add($"{route}: the stranger sweep has no value for {{{string.Join("}, {", route.RouteParameters)}}}. " +
                    "Teach it: add an address that fills them with the victim couple's real values to StrangerSweepTargets.CreateVictimAsync (or CoupleScopedRoutes.CoupleRoutes).");
            }

            var queried = aimed.SelectMany(QueryNamesOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var missing in route.QueryParameters.Where(name => !queried.Contains(name)))
            {
                problems.Add($"{route}: the stranger sweep never sends its query parameter '{missing}'. " +
                    "Teach it: add an address with ?" + missing + "= aimed at the victim couple to StrangerSweepTargets.CreateVictimAsync.");
            }

            foreach (var missing in route.FormFields.Where(name => !formValues.ContainsKey(name)))
            {
                problems.Add($"{route}: the stranger sweep has no value for its form field '{missing}'. Teach it in StrangerSweepTargets.CreateVictimAsync (FormValues).");
            }

            targets.AddRange(aimed.Select(url => new SweepTarget(route, url)));
        }

        return (targets, problems);
    }

    private static bool Matches(AppRoute route, TemplateMatcher matcher, string path, HashSet<string> literals, List<string> problems)
    {
        if (route.RouteParameters.Count == 0)
        {
            return path.Equals(route.Pattern, StringComparison.OrdinalIgnoreCase);
        }

        var values = new RouteValueDictionary();
        if (literals.Contains(path) || !matcher.TryMatch(new PathString(path), values))
        {
            return false;
        }

        foreach (var part in matcher.Template.Parameters)
        {
            var value = values[part.Name!]?.ToString() ?? string.Empty;
            foreach (var constraint in part.InlineConstraints.Select(inline => inline.Constraint))
            {
                bool? holds = constraint switch
                {
                    "guid" => Guid.TryParse(value, out _),
                    "int" => int.TryParse(value, out _),
                    "file" => value.Contains('.', StringComparison.Ordinal),
                    _ => null,
                };
                if (holds is null)
                {
                    problems.Add($"{route}: the stranger sweep does not know the route constraint '{constraint}'. Teach StrangerSweepPlan.Matches.");
                    return false;
                }

                if (holds == false)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string PathOf(string url) => url.Split('?', 2)[0];

    private static IEnumerable<string> QueryNamesOf(string url) =>
        url.Contains('?', StringComparison.Ordinal) ? QueryHelpers.ParseQuery(url[url.IndexOf('?', StringComparison.Ordinal)..]).Keys : [];
}
