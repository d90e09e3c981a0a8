using System.Globalization;
using System.Net;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Rituals;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// Ritual reminders as the SMTP server receives them: the ritual's name, its time in the home zone and the
/// recipient's own, a link to the ritual, and a one-click unsubscribe that turns off exactly that ritual's reminders for
/// exactly that person. Only "once" rituals, all reminded within the test, so no bookmark is left for the collection's
/// other tests to trip over.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class SendingRitualReminders(SendingAppFixture app)
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";

    [Fact]
    public async Task TheReminderNamesTheRitualAndItsTimeInTheHomeZoneAndTheRecipientsOwnAndLinksToIt()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", Berlin, NewYork);
        var (input, startsUtc) = OnceSoon("Kites & \"dune\" picnic");
        var id = await app.Driver.CreateRitualAsync(couple.Inviter, input);

        var mails = await DispatchAndSendAsync(startsUtc - TimeSpan.FromHours(2), 2);

        var home = TimeZoneInfo.ConvertTime(startsUtc, TimeZoneId.Parse(Berlin).Zone);
        var ny = TimeZoneInfo.ConvertTime(startsUtc, TimeZoneId.Parse(NewYork).Zone);
        var link = $"{SendingAppFixture.PublicUrl}rituals/{id}";
        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            var mail = mails[person.Email];
            Assert.Equal("Coming up: Kites & \"dune\" picnic", mail.Subject);
            var text = mail.TextBody;
            var html = WebUtility.HtmlDecode(mail.HtmlBody);
            Assert.Contains("Kites & \"dune\" picnic", text, StringComparison.Ordinal);
            Assert.Contains("Kites & \"dune\" picnic", html, StringComparison.Ordinal);
            Assert.Contains(home.ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture) + (person == couple.Partner ? string.Empty : ", for 2 hours"), text, StringComparison.Ordinal);
            Assert.Contains("for 2 hours", text, StringComparison.Ordinal);
            Assert.Contains(link, text, StringComparison.Ordinal);
            Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("Open the ritual", html, StringComparison.Ordinal);
            Assert.Contains("Stop reminders for this ritual", html, StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

            // The one-click address names exactly this person, kind and ritual.
            var token = Uri.UnescapeDataString(OneClickPath(mail)[(OneClickPath(mail).IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
            Assert.Equal(new UnsubscribeRequest(person.Id, couple.CoupleId, ReminderKind.RitualReminder, id), app.App.Services.GetRequiredService<UnsubscribeTokens>().Read(token).Value);
        }

        // Kai lives in New York: the home-zone time, then Kai's own.
        var newYorkDay = ny.Date == home.Date ? string.Empty : " " + ny.ToString("dddd", CultureInfo.InvariantCulture);
        Assert.Contains($"{home.ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture)} ({ny.ToString("HH:mm", CultureInfo.InvariantCulture)}{newYorkDay} your time), for 2 hours", mails[couple.Partner.Email].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("your time", mails[couple.Inviter.Email].TextBody, StringComparison.Ordinal);
        Assert.Contains(couple.Partner.DisplayName, mails[couple.Inviter.Email].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOneClickAddressTurnsOffThatRitualsRemindersForThatPersonOnlyAndATamperedOneChangesNothing()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", Berlin, NewYork);
        var (first, startsUtc) = OnceSoon("Pottery evening");
        var second = RitualForms.Copy(first);
        second.Name = "Pottery cleanup";
        var pottery = await app.Driver.CreateRitualAsync(couple.Inviter, first);
        var cleanup = await app.Driver.CreateRitualAsync(couple.Partner, second);
        var tables = new RitualTables(app.Driver.Tables.ConnectionString);

        var mails = await DispatchAndSendAsync(startsUtc - TimeSpan.FromHours(2), 4);
        var robinsPottery = mails.Values.Single(mail => mail.To.Mailboxes.Single().Address == couple.Inviter.Email && (mail.Subject ?? string.Empty).EndsWith("Pottery evening", StringComparison.Ordinal));
        var kaisPottery = mails.Values.Single(mail => mail.To.Mailboxes.Single().Address == couple.Partner.Email && (mail.Subject ?? string.Empty).EndsWith("Pottery evening", StringComparison.Ordinal));

        // A tampered link: refused, and not a single reminder row is written.
        var before = await RemindersAsync(tables, pottery, cleanup);
        var path = OneClickPath(kaisPottery);
        var at = path.Length - 20;
        var tampered = path[..at] + (path[at] == 'A' ? 'B' : 'A') + path[(at + 1)..];
        using (var refused = await PostOneClickAsync(tampered))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(before, await RemindersAsync(tables, pottery, cleanup));

        using (var response = await PostOneClickAsync(OneClickPath(robinsPottery)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(ReminderKindNames.OfRitual("Pottery evening"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var after = await RemindersAsync(tables, pottery, cleanup);
        Assert.Equal(
            [(pottery, couple.Inviter.Id, false), (pottery, couple.Partner.Id, true), (cleanup, couple.Inviter.Id, true), (cleanup, couple.Partner.Id, true)],
            after.Select(row => (row.Ritual, row.Reminder.UserId, row.Reminder.IsOn)).OrderBy(row => row.Ritual == cleanup).ThenBy(row => row.UserId != couple.Inviter.Id));
        Assert.Equal(before.Where(row => row.Ritual != pottery || row.Reminder.UserId != couple.Inviter.Id), after.Where(row => row.Ritual != pottery || row.Reminder.UserId != couple.Inviter.Id));

        // Robin's own ritual page says so too; Kai's is untouched.
        Assert.False((await app.Driver.RitualAsync(couple.Inviter, pottery)).Reminder.On);
        Assert.True((await app.Driver.RitualAsync(couple.Partner, pottery)).Reminder.On);

        // The link's landing page names the ritual, and its undo turns exactly that reminder back on.
        var token = Uri.UnescapeDataString(OneClickPath(robinsPottery)[(OneClickPath(robinsPottery).IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
        await using var scope = app.App.Services.CreateAsyncScope();
        var unsubscribe = scope.ServiceProvider.GetRequiredService<UnsubscribeService>();
        Assert.Equal(new UnsubscribeView(ReminderKind.RitualReminder, ReminderKindNames.OfRitual("Pottery evening"), false), (await unsubscribe.DescribeAsync(token)).Value);
        Assert.True((await unsubscribe.TurnBackOnAsync(token)).Value?.IsOn);
        Assert.All((await RemindersAsync(tables, pottery, cleanup)).Select(row => row.Reminder), reminder => Assert.True(reminder.IsOn));
    }

    [Fact]
    public async Task AMonthlyRitualsDayBeforeReminderSaysTomorrow()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", Berlin, NewYork);
        // Monthly on tomorrow's weekday-of-the-month ("the third Thursday"), at a time ten minutes from now: the
        // day-before reminder is due today at that time.
        var local = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), TimeZoneId.Parse(Berlin).Zone).DateTime;
        local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var today = DateOnly.FromDateTime(local);
        var tomorrow = today.AddDays(1);
        var nth = (tomorrow.Day - 1) / 7 + 1;
        var input = new RitualInput
        {
            Name = "Museum Sunday",
            Repeat = Domain.Rituals.RitualRepeat.MonthlyOnNthWeekday,
            StartDate = today,
            StartTime = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            DurationMinutes = 180,
            Nth = nth == 5 ? -1 : nth,
            NthWeekday = tomorrow.DayOfWeek,
        };
        var id = await app.Driver.CreateRitualAsync(couple.Inviter, input);
        try
        {
            var mails = await DispatchAndSendAsync(RitualsDriving.At(Berlin, today, input.StartTime), 2);

            var tables = new RitualTables(app.Driver.Tables.ConnectionString);
            Assert.All(await tables.OutboxAsync(id), row => Assert.Equal((ReminderKind.RitualDayBefore, tomorrow, ReminderStatus.Sent), (row.Kind, row.LocalDate, row.Status)));
            foreach (var mail in mails.Values)
            {
                Assert.Equal("Tomorrow: Museum Sunday", mail.Subject);
                Assert.Contains("for 3 hours", mail.TextBody, StringComparison.Ordinal);
                var token = Uri.UnescapeDataString(OneClickPath(mail)[(OneClickPath(mail).IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
                var named = app.App.Services.GetRequiredService<UnsubscribeTokens>().Read(token).Value;
                Assert.Equal((ReminderKind.RitualDayBefore, (Guid?)id), (named?.Kind, named?.RitualId));
            }
        }
        finally
        {
            // No bookmark left behind for the collection's other tests.
            await app.Driver.DeleteRitualAsync(couple.Inviter, id);
        }
    }

    /// <summary>A "once" ritual starting a little over two hours from now (whole minutes, home zone Berlin): its reminder is due in about ten minutes.</summary>
    private (RitualInput Input, DateTimeOffset StartsUtc) OnceSoon(string name)
    {
        var local = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(130), TimeZoneId.Parse(Berlin).Zone).DateTime;
        local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var day = DateOnly.FromDateTime(local);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (RitualForms.Once(name, day, time), RitualsDriving.At(Berlin, day, time));
    }

    /// <summary>From an empty outbox: the clock to just after <paramref name="dueUtc"/>, the dispatcher, then the sender. Returns the mails by recipient address (and subject when one person got several).</summary>
    private async Task<Dictionary<string, MimeMessage>> DispatchAndSendAsync(DateTimeOffset dueUtc, int expected)
    {
        await app.StartCleanAsync();
        app.Clock.SetUtcNow(dueUtc + TimeSpan.FromSeconds(30));

        Assert.Equal(expected, await new RitualDispatch(app.App.Services).DispatchDueAsync());
        Assert.Equal(new ReminderSendResult(expected, 0, 0, 0), await app.Sender.SendDueAsync());

        var received = app.Smtp.Received.Select(mail => mail.Message).ToList();
        Assert.Equal(expected, received.Count);
        return received.ToDictionary(mail => received.Count(other => other.To.Mailboxes.Single().Address == mail.To.Mailboxes.Single().Address) == 1
            ? mail.To.Mailboxes.Single().Address
            : mail.To.Mailboxes.Single().Address + " " + mail.Subject);
    }

    private static string OneClickPath(MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        var url = header.Trim('<', '>');
        Assert.StartsWith($"{SendingAppFixture.PublicUrl}unsubscribe/one-click?token=", url, StringComparison.Ordinal);
        return new Uri(url).PathAndQuery;
    }

    /// <summary>What a mail app sends for RFC 8058 one-click unsubscribe: a POST with no cookies and no antiforgery token.</summary>
    private async Task<HttpResponseMessage> PostOneClickAsync(string path)
    {
        using var client = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri(path, UriKind.Relative), body);
    }

    private static async Task<List<(Guid Ritual, RitualReminderRow Reminder)>> RemindersAsync(RitualTables tables, params Guid[] ritualIds)
    {
        var rows = new List<(Guid, RitualReminderRow)>();
        foreach (var ritualId in ritualIds)
        {
            rows.AddRange((await tables.RemindersAsync(ritualId)).Select(row => (ritualId, row)));
        }

        return rows;
    }
}
