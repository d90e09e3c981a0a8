using System.Diagnostics;
using System.Globalization;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 8, item 9, for the interactive (Blazor Server, MudBlazor) pages: every page the app's route table has, opened
/// on a phone by a paired partner (route values from the couple's real rituals and days), and the home page by an
/// unpaired person. Every text field the page shows gets every hostile payload, then the page's main button near the
/// field is pressed. Each time: the circuit still connected, no error bar, no element injected; afterwards every page
/// still opens and nothing invalid is stored in any table.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class HostileInputOnEveryInteractivePage(AppFixture app, ITestOutputHelper output)
{
    // Text a person types: not buttons, switches, checkboxes or the read-only inputs behind MudBlazor's pickers.
    private const string FieldSelector =
        "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([readonly]):not([disabled]), textarea:not([readonly]):not([disabled]), [contenteditable=true]";

    // Marks the fields and returns how many are visible; the n-th is then [data-hostile-field=n].
    private const string MarkFields = """
        (selector) => {
            const fields = [...document.querySelectorAll(selector)].filter(field => field.offsetParent !== null);
            document.querySelectorAll('[data-hostile-field]').forEach(field => field.removeAttribute('data-hostile-field'));
            fields.forEach((field, index) => field.setAttribute('data-hostile-field', String(index)));
            return fields.map(field => field.getAttribute('aria-label') || field.labels?.[0]?.textContent?.trim() || field.name || field.id || field.tagName);
        }
        """;

    // The field's own card or form, and in it the main button: the last filled one, else the last one (never one inside
    // the input itself, such as a picker's adornment). Returns its text, or null when the field has no button near it.
    private const string MarkPrimaryAction = """
        (field) => {
            document.querySelectorAll('[data-hostile-submit]').forEach(button => button.removeAttribute('data-hostile-submit'));
            const container = field.closest('form, .mud-card, .cc-card, .mud-paper, section') ?? document.querySelector('main');
            const buttons = [...container.querySelectorAll('button')]
                .filter(button => !button.disabled && button.offsetParent !== null && !button.closest('.mud-input-control'));
            const filled = buttons.filter(button => button.classList.contains('mud-button-filled'));
            const target = (filled.length > 0 ? filled : buttons).at(-1);
            if (!target) { return null; }
            target.setAttribute('data-hostile-submit', '1');
            return target.textContent.trim();
        }
        """;

    // What an unescaped echo would have made: an element from the payloads, or a script with its code.
    private const string InjectedElements = """
        () => [...document.querySelectorAll('img[src="x"], img[onerror], script')]
            .filter(element => element.tagName !== 'SCRIPT' || element.textContent.includes('alert(1)'))
            .map(element => element.outerHTML.slice(0, 80))
        """;

    // Refused payloads first: an accepted one (an answer, say) can take its field off the page.
    private static readonly IReadOnlyList<(string Name, string Value)> Attempts =
    [
        .. HostilePayloads.All.OrderBy(payload => payload.Name is "SQL metacharacters" or "emoji with ZWJ sequences" or "script element" or "attribute break-out with img onerror")
            .Select(payload => (payload.Name, payload.Value)),
        ("NUL inside a valid value", "Our\0walk"),
        ("U+202E inside a valid value", "Our\u202Ewalk"),
        ("zero-width space inside a valid value", "Our\u200Bwalk"),
    ];

    [Fact]
    public async Task EveryFieldOfEveryPageKeepsTheCircuitAliveEscapesWhatItShowsAndStoresNothingInvalid()
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var swept = new List<string>();

        var alexPerson = new Person("Alex", "Europe/Berlin");
        var samPerson = new Person("Sam", "America/New_York");
        var (alex, sam) = await app.PairedPhonesAsync(alexPerson, samPerson);
        await sam.Context.CloseAsync();
        await using var alexContext = alex.Context;
        var alexId = await app.UserIdOfAsync(alexPerson.Email);
        var samId = await app.UserIdOfAsync(samPerson.Email);
        var seeded = await app.SeedRitualsAsync(alexId, samId);
        var pages = RoutablePages.Of(app.Factory.Services).Where(page => !page.StaticServerRendered).ToList();
        Assert.Contains(pages, page => page.Route == "/rituals/new"); // the discovery found the interactive pages at all
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var paths = pages.Select(page => RoutablePages.Fill(page, RouteValues(page, seeded, today))).Distinct().ToList();
        output.WriteLine($"Paired and seeded in {clock.Elapsed.TotalSeconds:F1} s; pages: {string.Join(", ", paths)}");

        foreach (var path in paths)
        {
            await SweepPageAsync(alex, path, swept, failures);
        }

        // The unpaired home page is another page: the invite code entry.
        var unpaired = await app.SignedInPhoneAsync(new Person("Robin", "Europe/Berlin"));
        await using (unpaired.Context)
        {
            await SweepPageAsync(unpaired, "/", swept, failures);
        }

        // Every page still opens and works for the couple after all that.
        foreach (var path in paths)
        {
            await alex.GotoAsync(path);
            await alex.WaitUntilInteractiveAsync();
            await CheckPageAsync(alex, $"{path} reopened", failures);
        }

        output.WriteLine($"Swept {swept.Count} fields in {clock.Elapsed.TotalSeconds:F1} s:");
        swept.ForEach(output.WriteLine);
        failures.AddRange(await StoredTextAudit.ProblemsAsync(app.Factory.ConnectionString, app.Factory.Services.GetRequiredService<FieldEncryptor>()));
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join('\n', failures.Distinct().Take(60)));
        Assert.True(swept.Count >= 8, $"Only {swept.Count} fields were found: the field discovery is broken.");
    }

    private async Task SweepPageAsync(IPage page, string path, List<string> swept, List<string> failures)
    {
        await page.GotoAsync(path);
        await page.WaitUntilInteractiveAsync();
        var labels = await page.EvaluateAsync<string[]>(MarkFields, FieldSelector);
        for (var index = 0; index < labels.Length; index++)
        {
            var field = page.Locator($"[data-hostile-field='{index}']");
            string? button = null;
            foreach (var (name, value) in Attempts)
            {
                var where = $"{path} \"{labels[index]}\" ← {name}";
                if (await field.CountAsync() == 0)
                {
                    // An accepted payload (a shared answer) can take the field away; a fresh page may bring it back.
                    await page.ReloadAsync();
                    await page.WaitUntilInteractiveAsync();
                    await page.EvaluateAsync<string[]>(MarkFields, FieldSelector);
                    if (await field.CountAsync() == 0)
                    {
                        output.WriteLine($"{where}: the field is gone (an earlier payload was accepted).");
                        break;
                    }
                }

                await field.FillAsync(value);
                button = await field.EvaluateAsync<string?>(MarkPrimaryAction);
                if (button is not null)
                {
                    await page.Locator("[data-hostile-submit]").ClickAsync();
                }
                else
                {
                    await field.PressAsync("Enter");
                }

                await CheckPageAsync(page, where, failures);
            }

            swept.Add($"{path} \"{labels[index]}\" → {button ?? "Enter"}");
            await page.ReloadAsync();
            await page.WaitUntilInteractiveAsync();
            await page.EvaluateAsync<string[]>(MarkFields, FieldSelector);
        }
    }

    /// <summary>The circuit is still connected, no error bar shows, and nothing from a payload became an element.</summary>
    private static async Task CheckPageAsync(IPage page, string where, List<string> failures)
    {
        // Let the click's render batch arrive (or the circuit fail) before looking.
        await page.WaitForTimeoutAsync(150);
        if (!await page.EvaluateAsync<bool>("() => window.__ccInteractive === true"))
        {
            failures.Add($"{where}: the circuit disconnected.");
        }

        if (await page.Locator("#blazor-error-ui").IsVisibleAsync() || await page.GetByText("An unhandled error").CountAsync() > 0)
        {
            failures.Add($"{where}: the error bar shows.");
        }

        foreach (var element in await page.EvaluateAsync<string[]>(InjectedElements))
        {
            failures.Add($"{where}: injected element {element}.");
        }
    }

    /// <summary>Real values for each page's route parameters; a new page with a parameter not known here fails the test until added.</summary>
    private static Dictionary<string, string> RouteValues(RoutablePage page, SeededRituals seeded, DateOnly today)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in page.Parameters)
        {
            values[parameter] = (page.Route, parameter) switch
            {
                (var route, "Id") when route.Contains("/reflection/", StringComparison.Ordinal) => seeded.Reflection.ToString(),
                (var route, "DayText") when route.Contains("/reflection/", StringComparison.Ordinal) => seeded.ReflectionDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (var route, "Id") when route.StartsWith("/rituals/", StringComparison.Ordinal) => seeded.DateNight.ToString(),
                ("/checkin/{DayText}", "DayText") => today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ("/status/{Code:int}", "Code") => "404",
                ("/join/{Token}", "Token") => "not-a-real-invite",
                ("/dev/mailbox/{Id}", "Id") => "none",
                _ => throw new InvalidOperationException($"{page.Route} is new: give its parameter {parameter} a real value here so the sweep covers it."),
            };
        }

        return values;
    }
}
