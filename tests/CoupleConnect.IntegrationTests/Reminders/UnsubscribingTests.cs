using System.Net;
using System.Text.RegularExpressions;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// The unsubscribe tests share one app with a fake clock (to let links expire), and run one at a time. Everything goes
/// through <see cref="ClockedAppFixture.ClockedFactory"/>, the host that reads the fake clock.
/// </summary>
[CollectionDefinition(Name)]
public sealed partial class UnsubscribingTests : ICollectionFixture<ClockedAppFixture>
{
    public const string Name = "Unsubscribing";

    public const string OneClickBody = "List-Unsubscribe=One-Click";

    /// <summary>A confirmed person with every reminder on, so each kind has something to turn off.</summary>
    public static async Task<TestPerson> PersonWithEveryReminderOnAsync(ClockedAppFixture app)
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin", "Europe/London");
        await using var scope = app.ClockedDriver.AsUser(person);
        var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, GratitudeReminderOn = true, PartnerActivityOn = true });
        Assert.True(saved.Succeeded, saved.Error);
        return person;
    }

    /// <summary>
    /// The link token the app itself would put in an email to <paramref name="person"/> about <paramref name="kind"/>,
    /// sent while they are in <paramref name="coupleId"/> (null: unpaired, like the people these tests make).
    /// </summary>
    public static string TokenFor(ClockedAppFixture app, TestPerson person, ReminderKind kind, Guid? coupleId = null) =>
        app.ClockedFactory.Services.GetRequiredService<UnsubscribeTokens>().Create(person.Id, coupleId, kind);

    public static string PagePath(string token) => "/unsubscribe?token=" + Uri.EscapeDataString(token);

    public static string OneClickPath(string token) => "/unsubscribe/one-click?token=" + Uri.EscapeDataString(token);

    /// <summary>What a mail app sends for RFC 8058 one-click unsubscribe: a POST with no cookies and no antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostOneClickAsync(ClockedAppFixture app, string token)
    {
        using var client = app.ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var body = new StringContent(OneClickBody, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri(OneClickPath(token), UriKind.Relative), body);
    }

    public static AppBrowser NewBrowser(ClockedAppFixture app) =>
        new(app.ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>The text of the page's error alert, decoded; null when the page shows none.</summary>
    public static string? ErrorShown(string html)
    {
        var match = ErrorAlertPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value).Trim() : null;
    }

    /// <summary>The person's preference and schedule rows with their xmin: equal snapshots mean not even a no-op write happened.</summary>
    public static async Task<string> SnapshotAsync(ClockedAppFixture app, TestPerson person)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(string_agg(line, E'\n' ORDER BY line), '') FROM (
                SELECT 'preferences ' || row_to_json(p)::text || ' xmin=' || p.xmin::text AS line FROM reminder_preferences p WHERE p.user_id = @user
                UNION ALL SELECT 'schedule ' || row_to_json(s)::text || ' xmin=' || s.xmin::text FROM reminder_schedules s WHERE s.user_id = @user
            ) AS rows
            """,
            connection);
        command.Parameters.AddWithValue("user", person.Id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<ReminderPreferencesInput> PreferencesOfAsync(ClockedAppFixture app, TestPerson person)
    {
        await using var scope = app.ClockedDriver.AsUser(person);
        return (await scope.Get<ReminderPreferencesService>().GetAsync())!;
    }

    public static async Task<List<ReminderKind>> ScheduledKindsOfAsync(ClockedAppFixture app, TestPerson person)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT kind, next_due_utc FROM reminder_schedules WHERE user_id = @user ORDER BY kind", connection);
        command.Parameters.AddWithValue("user", person.Id);
        await using var reader = await command.ExecuteReaderAsync();
        var kinds = new List<ReminderKind>();
        while (await reader.ReadAsync())
        {
            Assert.True(reader.GetFieldValue<DateTimeOffset>(1) > app.Clock.GetUtcNow(), "A schedule row is due in the past.");
            kinds.Add(Enum.Parse<ReminderKind>(reader.GetString(0)));
        }

        return kinds;
    }

    [GeneratedRegex("""<div\b[^>]*\bid="unsubscribe-error"[^>]*>(?<text>.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex ErrorAlertPattern();
}
