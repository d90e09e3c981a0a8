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

    // Marks the fields a person can see (laid out, not hidden, not zero-sized: MudBlazor keeps hidden helper inputs) with
    // their index, so the n-th is [data-hostile-field=n], and returns their names. Run again after every re-render.
    private const string MarkFields = """
        (selector) => {
            document.querySelectorAll('[data-hostile-field]').forEach(field => field.removeAttribute('data-hostile-field'));
            const seen = field => {
                const box = field.getBoundingClientRect();
                return box.width > 0 && box.height > 0 && getComputedStyle(field).visibility !== 'hidden';
            };
            const fields = [...document.querySelectorAll(selector)].filter(seen);
            fields.forEach((field, index) => field.setAttribute('data-hostile-field', String(index)));
            return fields.map(field => field.getAttribute('aria-label') || field.labels?.[0]?.textContent?.trim() || field.name || field.id || field.tagName);
        }
        """;

    // The main button for a field: in the nearest enclosing element that holds any usable button (never one inside the
    // input itself, such as a picker's adornment), the last filled one, else the last one. Clicks it and returns its
    // text, or null when the page has no button for the field.
    private const string ClickPrimaryAction = """
        (field) => {
            const usable = root => [...root.querySelectorAll('button')]
                .filter(button => !button.disabled && button.offsetParent !== null && !button.closest('.mud-input-control'));
            let container = field.parentElement;
            while (container && container.tagName !== 'MAIN' && usable(container).length === 0) {
                container = container.parentElement;
            }
            const buttons = container ? usable(container) : [];
            const filled = buttons.filter(button => button.classList.contains('mud-button-filled'));
            const target = (filled.length > 0 ? filled : buttons).at(-1);
            if (!target) { return null; }
            target.click();
            return target.textContent.trim();
        }
        """;

    // What an unescaped echo would have made: an element from the payloads, or a script with its code.
    private const string InjectedElements = """
        () => [...document.querySelectorAll('img[src="x"], img[onerror], script')]
            .filter(element => element.tagName !== 'SCRIPT' || element.textContent.includes('alert(1)'))
            .map(element => element.outerHTML.slice(0, 80))
        """;

    // Refused payloads first (the embedded ones too): an accepted one (an answer, say) can take its field off the page.
    private static readonly IReadOnlyList<(string Name, string Value)> Attempts =
    [
        .. HostilePayloads.All.Where(payload => !MayBeAccepted(payload)).Select(payload => (payload.Name, payload.Value)),
        ("NUL inside a valid value", "Our\0walk"),
        ("U+202E inside a valid value", "Our\u202Ewalk"),
        ("zero-width space inside a valid value", "Our\u200Bwalk"),
        .. HostilePayloads.All.Where(MayBeAccepted).Select(payload => (payload.Name, payload.Value)),
    ];

    [Fact]
    public async Task EveryFieldOfEveryPageKeepsTheCircuitAliveEscapesWhatItShowsAndStoresNothingInvalid()
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var swept = new List<string>();

        // Pairing through the pages is other journeys' subject: here the couple is paired through the app's services.
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var samPerson = new Person("Sam", "America/New_York");
        var couple = await app.PairedAccountsAsync(alexPerson, samPerson);
        var seeded = await app.SeedRitualsAsync(couple.InviterId, couple.PartnerId);
        var pages = RoutablePages.Of(app.Factory.Services).Where(page => !page.StaticServerRendered).ToList();
        Assert.Contains(pages, page => page.Route == "/rituals/new"); // the discovery found the interactive pages at all
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var paths = pages.Select(page => RoutablePages.Fill(page, RouteValues(page, seeded, today))).Distinct().ToList();
        var alex = await app.SignInOnAPhoneAsync(alexPerson);
        await using var alexContext = alex.Context;
        alexContext.SetDefaultTimeout(45_000); // hundreds of round trips: room for a busy CI box, where 15 s can be short
        output.WriteLine($"Paired, seeded and signed in in {clock.Elapsed.TotalSeconds:F1} s; pages: {string.Join(", ", paths)}");

        try
        {
            foreach (var path in paths)
            {
                await SweepPageAsync(alex, path, swept, failures);
            }
        }
        catch
        {
            output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(alex, "failure-hostile-input")}; so far: {string.Join("; ", swept)}; problems: {string.Join("; ", failures)}");
            throw;
        }

        // The unpaired home page is another page: the invite code entry.
        var unpaired = await app.SignedInPhoneAsync(new Person("Robin", "Europe/Berlin"));
        await using (unpaired.Context)
        {
            unpaired.Context.SetDefaultTimeout(45_000);
            await SweepPageAsync(unpaired, "/", swept, failures);
        }

        // Every page still opens and works for the couple after all that.
        foreach (var path in paths)
        {
            await alex.GotoAsync(path);
            if (new Uri(alex.Url).AbsolutePath.StartsWith("/Account/", StringComparison.Ordinal))
            {
                continue;
            }

            await SettledAsync(alex);
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
        if (new Uri(page.Url).AbsolutePath.StartsWith("/Account/", StringComparison.Ordinal))
        {
            output.WriteLine($"{path}: sent to {new Uri(page.Url).AbsolutePath} (a static page, swept over HTTP by HostileInputOnAccountPages).");
            return;
        }

        await SettledAsync(page);
        var names = await page.EvaluateAsync<string[]>(MarkFields, FieldSelector);
        foreach (var fieldName in names.Distinct())
        {
            string? button = null;
            var tried = 0;
            foreach (var (name, value) in Attempts)
            {
                var where = $"{path} \"{fieldName}\" ← {name}";
                var field = await FindAsync(page, fieldName);
                if (field is null)
                {
                    // An accepted payload (a shared answer) can take the field away; a fresh page may bring it back.
                    await page.ReloadAsync();
                    await SettledAsync(page);
                    field = await FindAsync(page, fieldName);
                    if (field is null)
                    {
                        output.WriteLine($"{where}: the field is gone (an earlier payload was accepted).");
                        break;
                    }
                }

                try
                {
                    await field.FillAsync(value, new() { Timeout = 5_000 });
                    await field.BlurAsync(); // MudBlazor binds on change; the re-render may replace the element
                    field = await FindAsync(page, fieldName) ?? throw new TimeoutException("The field went away on blur.");
                    button = await field.EvaluateAsync<string?>(ClickPrimaryAction, null, new() { Timeout = 5_000 });
                    if (button is null)
                    {
                        await field.PressAsync("Enter", new() { Timeout = 5_000 });
                    }

                    tried++;
                }
                catch (TimeoutException)
                {
                    output.WriteLine($"{where}: the field went away while being filled.");
                }
                catch (PlaywrightException refused) when (refused.Message.Contains("Malformed value", StringComparison.Ordinal))
                {
                    // A date, time or number input: the browser itself won't take text, so it never reaches the app.
                    output.WriteLine($"{where}: the browser refuses it for this input type.");
                }

                await CheckPageAsync(page, where, failures);
            }

            swept.Add($"{path} \"{fieldName}\" ({tried} payloads) → {button ?? "Enter"}");
            await page.ReloadAsync();
            await SettledAsync(page);
        }
    }

    // Free text keeps markup, SQL and emoji verbatim (shown escaped); names refuse markup but keep emoji.
    private static bool MayBeAccepted(HostilePayload payload) =>
        payload.Value.Contains('<', StringComparison.Ordinal) || payload.Value.Contains(';', StringComparison.Ordinal) || payload.Name.StartsWith("emoji", StringComparison.Ordinal);

    /// <summary>The first visible field of that name, waiting a little for it to render; null when there is none.</summary>
    private static async Task<ILocator?> FindAsync(IPage page, string fieldName)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var index = Array.IndexOf(await page.EvaluateAsync<string[]>(MarkFields, FieldSelector), fieldName);
            if (index >= 0)
            {
                return page.Locator($"[data-hostile-field='{index}']");
            }

            await page.WaitForTimeoutAsync(300);
        }

        return null;
    }

    /// <summary>Interactive, and done loading: no progress bar or skeleton left (cards load their data after the first render).</summary>
    private static async Task SettledAsync(IPage page)
    {
        await page.WaitUntilInteractiveAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear, .mud-progress-circular, .mud-skeleton')");
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
    internal static Dictionary<string, string> RouteValues(RoutablePage page, SeededRituals seeded, DateOnly today)
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
                // No talk is seeded: the page's "gone" answer is swept here; every talk field is swept with hostile
                // input through the services in IntegrationTests/Talks/HostileInputInTalks.
                (var route, "Id") when route.StartsWith("/talks/", StringComparison.Ordinal) => Guid.Empty.ToString(),
                ("/dev/mailbox/{Id}", "Id") => "none",
                _ => throw new InvalidOperationException($"{page.Route} is new: give its parameter {parameter} a real value here so the sweep covers it."),
            };
        }

        return values;
    }
}
