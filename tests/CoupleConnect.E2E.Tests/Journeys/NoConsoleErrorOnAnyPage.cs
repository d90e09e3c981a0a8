using System.Globalization;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 15, item 5: every page of the app's route table, opened on a phone signed out and then signed in as a paired
/// partner, logs no error to the browser console and throws nothing: no script blocked by the Content-Security-Policy
/// (Blazor's inline import map), no passkey script failing on a host it cannot use. The app is opened by IP address
/// (http://127.0.0.1:port), where browsers refuse passkeys.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class NoConsoleErrorOnAnyPage(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryPageOpensSignedOutAndSignedInByIpAddressWithoutAConsoleError()
    {
        Assert.Equal("127.0.0.1", new Uri(app.BaseAddress).Host);
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var couple = await app.PairedAccountsAsync(alexPerson, new Person("Sam", "America/New_York"));
        var seeded = await app.SeedRitualsAsync(couple.InviterId, couple.PartnerId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var paths = RoutablePages.Of(app.Factory.Services)
            .Select(page => RoutablePages.Fill(page, page.Route == "/Account/Manage/RenamePasskey/{Id}"
                ? new Dictionary<string, string> { ["Id"] = "no-such-passkey" } // a static page the interactive sweep skips
                : HostileInputOnEveryInteractivePage.RouteValues(page, seeded, today)))
            .Distinct()
            .ToList();
        Assert.Contains("/Account/Login", paths); // the discovery found the static account pages
        Assert.Contains("/rituals/new", paths); // and the interactive ones
        var errors = new List<string>();

        var visitor = await app.NewPhonePageAsync();
        await using (visitor.Context)
        {
            await VisitEveryPageAsync(visitor, "signed out", paths, errors);
        }

        var alex = await app.SignInOnAPhoneAsync(alexPerson);
        await using (alex.Context)
        {
            await VisitEveryPageAsync(alex, "signed in", paths, errors);
        }

        Assert.True(errors.Count == 0, $"{errors.Count} console errors:\n" + string.Join('\n', errors.Distinct()));
    }

    private async Task VisitEveryPageAsync(IPage page, string who, List<string> paths, List<string> errors)
    {
        var current = string.Empty;
        var sockets = 0;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{who} {current}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{who} {current}: uncaught {error}");
        page.WebSocket += (_, _) => sockets++;

        foreach (var path in paths)
        {
            current = path;
            var socketsBefore = sockets;
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            if (sockets > socketsBefore)
            {
                // An interactive page: errors of its first render arrive over the circuit.
                await page.WaitUntilInteractiveAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            // Passkey autofill and other module scripts run after the load event.
            await page.WaitForTimeoutAsync(200);
            output.WriteLine($"{who}: {path} → {new Uri(page.Url).PathAndQuery}{(sockets > socketsBefore ? " (circuit)" : string.Empty)}");
        }

        // The app also works by name on the same machine: the console stays as clean at the sign-in page there.
        current = "/Account/Login by name";
        await page.GotoAsync(app.BaseAddress.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "Account/Login",
            new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForTimeoutAsync(200);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{who}: {paths.Count} pages visited"));
    }
}
