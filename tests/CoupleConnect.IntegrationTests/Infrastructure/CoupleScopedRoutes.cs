using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// A couple whose data nobody else may see, and every string that would give it away: names, emails, ids, couple
/// names, invite codes. Later features add what their couple shared (an answer, a gratitude note) with <see cref="With"/>.
/// </summary>
public sealed record VictimCouple(PairedCouple Current, PairedCouple Former, IReadOnlyList<string> Secrets)
{
    /// <summary>The person in both the current couple and the ended (archived) one.</summary>
    public TestPerson Member => Current.Inviter;

    /// <summary>The current partner of <see cref="Member"/>.</summary>
    public TestPerson Partner => Current.Partner;

    /// <summary>The former partner of <see cref="Member"/>; their ended couple is still in its 30-day archive.</summary>
    public TestPerson FormerPartner => Former.Inviter;

    public string CoupleName { get; init; } = string.Empty;

    /// <summary>The day (in the couple's home zone) whose question both current partners answered, so it is revealed.</summary>
    public DateOnly CheckInDay { get; init; }

    /// <summary>The check-in answers the victim's current and former couple wrote (also in <see cref="Secrets"/>).</summary>
    public IReadOnlyList<string> AnswerTexts { get; init; } = [];

    /// <summary>The positive notes and gratitude the current couple wrote, then the former couple's (also in <see cref="Secrets"/>).</summary>
    public IReadOnlyList<string> PositiveNotes { get; init; } = [];

    /// <summary>The ids of the current couple's positives and gratitude, then the former couple's: a stranger may aim at them.</summary>
    public IReadOnlyList<Guid> PositiveIds { get; init; } = [];

    public VictimCouple With(params string[] moreSecrets) => this with { Secrets = [.. Secrets, .. moreSecrets] };
}

/// <summary>One service call a stranger makes; its result must hold nothing of the victim couple.</summary>
public sealed record ServiceProbe(string Name, Func<SignedInServices, Task<object?>> Call);

/// <summary>
/// The stranger test every couple-scoped feature reuses (design §3, §7): a person from ANOTHER couple and a person
/// with no couple sign in for real (cookie over HTTP) and open each route, or call each service in their own signed-in
/// scope. Each must get nothing of the victim couple: 404 or a redirect, or a page (200) in which none of the victim's
/// strings appear, in any of the ways HTML, JSON or URLs would encode them.
/// </summary>
public static class CoupleScopedRoutes
{
    /// <summary>
    /// Makes the victim: Marisol was with Jorunn (ended; in its archive), and is now with Thaddeus in a couple she renamed.
    /// Every name carries random letters so no page can contain it by coincidence.
    /// </summary>
    public static async Task<VictimCouple> CreateVictimAsync(AppDriver app)
    {
        var marisol = await app.NewPersonAsync($"Marisol {RandomLetters()}", "Pacific/Auckland");
        var thaddeus = await app.NewPersonAsync($"Thaddeus {RandomLetters()}", "America/Anchorage");
        var jorunn = await app.NewPersonAsync($"Jorunn {RandomLetters()}", "Atlantic/Reykjavik");

        var former = await app.PairAsync(jorunn, marisol);
        var formerName = $"Northern Lights {RandomLetters()}";
        await app.RenameCoupleAsync(jorunn, formerName);
        var formerAnswers = new[] { $"The <i>first</i> snow at Vik {RandomLetters()}", $"Aurora night & cocoa {RandomLetters()}" };
        await app.BothAnswerTodayAsync(former, formerAnswers[0], formerAnswers[1]);
        var formerNote = $"Jorunn noticed the <em>lantern</em> you lit {RandomLetters()}";
        var formerPositive = await app.LogPositiveAsync(jorunn, Domain.Positives.PositiveKind.KindWord, formerNote);
        await app.LeaveAsync(marisol);

        var current = await app.PairAsync(marisol, thaddeus);
        var currentName = $"Otters & Moon's {RandomLetters()}"; // & and ' are encoded in HTML: the check must see through that
        await app.RenameCoupleAsync(thaddeus, currentName, new DateOnly(2017, 2, 14));
        // Both answered today's question, so it is revealed: the couple's own pages show both answers.
        var currentAnswers = new[] { $"Walking to the lighthouse <b>with you</b> {RandomLetters()}", $"Your soup & the rain on Sunday {RandomLetters()}" };
        var checkInDay = await app.BothAnswerTodayAsync(current, currentAnswers[0], currentAnswers[1]);
        // Each noticed something about the other; notes carry markup, which pages must show as text.
        var positiveNote = $"You carried my <b>cello</b> up the hill {RandomLetters()}";
        var gratitudeNote = $"Tonight's thanks: the \"kettle\" & the quiet {RandomLetters()}";
        var positive = await app.LogPositiveAsync(marisol, Domain.Positives.PositiveKind.Help, positiveNote);
        var gratitude = await app.WriteGratitudeAsync(thaddeus, gratitudeNote);

        var secrets = new List<string> { currentName, formerName, current.CoupleId.ToString(), former.CoupleId.ToString() };
        foreach (var person in new[] { marisol, thaddeus, jorunn })
        {
            secrets.AddRange([person.DisplayName, person.Email, person.Id]);
        }

        foreach (var code in new[] { current.Code, former.Code })
        {
            secrets.AddRange([code, code.Replace(" ", string.Empty, StringComparison.Ordinal)]);
        }

        secrets.AddRange(currentAnswers);
        secrets.AddRange(formerAnswers);
        secrets.AddRange([positiveNote, gratitudeNote, formerNote]);
        return new VictimCouple(current, former, secrets)
        {
            CoupleName = currentName,
            CheckInDay = checkInDay,
            AnswerTexts = [.. currentAnswers, .. formerAnswers],
            PositiveNotes = [positiveNote, gratitudeNote, formerNote],
            PositiveIds = [positive.Id, gratitude.Id, formerPositive.Id],
        };
    }

    /// <summary>Every couple route so far; later features append theirs.</summary>
    public static IReadOnlyList<string> CoupleRoutes(VictimCouple victim) =>
    [
        "/",
        "/couple/settings",
        "/couple/archive/export",
        $"/join/{victim.Current.Token}",
        $"/join/{victim.Former.Token}",
        "/checkin/history",
        $"/checkin/{victim.CheckInDay:yyyy-MM-dd}",
        $"/checkin/{victim.CheckInDay.AddDays(-1):yyyy-MM-dd}",
        "/gratitude",
    ];

    /// <summary>Every couple service call so far: reads, the check-in writes a stranger could aim at the victim's day, and acknowledging the victim's positives by id. Later features append theirs.</summary>
    public static IReadOnlyList<ServiceProbe> CoupleServiceProbes(VictimCouple victim) =>
    [
        new("CurrentCouple.GetAsync", async services => await services.CurrentCouple.GetAsync()),
        new("CoupleHomeService.GetAsync", async services => await services.Home.GetAsync()),
        new("CoupleSettingsService.GetAsync", async services => await services.Settings.GetAsync()),
        new("CoupleArchiveService.ExportAsync(self)", async services => Utf8(await services.Archive.ExportAsync(services.UserId!))),
        new("CoupleArchiveService.FindForUserAsync(self)", async services => await services.Archive.FindForUserAsync(services.UserId!)),
        new("InviteService.GetOpenInviteAsync", async services => await services.Invites.GetOpenInviteAsync()),
        new("JoinService.PreviewAsync(current used token)", async services => await services.Join.PreviewAsync(Web.Features.Couples.InviteKey.FromToken(victim.Current.Token))),
        new("JoinService.PreviewAsync(former used token)", async services => await services.Join.PreviewAsync(Web.Features.Couples.InviteKey.FromToken(victim.Former.Token))),
        new("JoinService.AcceptAsync(current used token)", async services => await services.Join.AcceptAsync(Web.Features.Couples.InviteKey.FromToken(victim.Current.Token))),
        new("CheckInService.GetTodayAsync", async services => await services.CheckIns.GetTodayAsync()),
        new("CheckInService.GetDayAsync(victim's day)", async services => await services.CheckIns.GetDayAsync(victim.CheckInDay)),
        new("CheckInService.GetHistoryAsync(1)", async services => await services.CheckIns.GetHistoryAsync(1)),
        new("CheckInService.GetMissedDaysAsync", async services => await services.CheckIns.GetMissedDaysAsync()),
        new("CheckInService.AnswerAsync(victim's day)", async services => await services.CheckIns.AnswerAsync(victim.CheckInDay, "A stranger's answer")),
        new("CheckInService.ReflectAsync(victim's day)", async services => await services.CheckIns.ReflectAsync(victim.CheckInDay, "A stranger's reflection")),
        new("CheckInService.RespondToReflectionAsync(victim's day)", async services => await services.CheckIns.RespondToReflectionAsync(victim.CheckInDay, Domain.CheckIns.ReflectionVerdict.NotQuite, "A stranger's note")),
        new("CheckInService.ToggleHeartAsync(victim's day)", async services => await services.CheckIns.ToggleHeartAsync(victim.CheckInDay)),
        new("CheckInService.GetHistoryAsync(1) after acting", async services => await services.CheckIns.GetHistoryAsync(1)),
        new("DashboardService.GetAsync", async services => await services.Dashboard.GetAsync()),
        new("PositivesService.WroteGratitudeTodayAsync", async services => await services.Positives.WroteGratitudeTodayAsync()),
        .. victim.PositiveIds.Select((id, index) => new ServiceProbe(
            $"PositivesService.AcknowledgeAsync(victim's entry {index + 1})", async services => await services.Positives.AcknowledgeAsync(id))),
        new("PositivesService.LogAsync(own couple)", async services => await services.Positives.LogAsync(new() { Kind = Domain.Positives.PositiveKind.Help, Note = "A stranger's note" })),
        new("PositivesService.WriteGratitudeAsync(own couple)", async services => await services.Positives.WriteGratitudeAsync("A stranger's thanks")),
        new("DashboardService.GetAsync after acting", async services => await services.Dashboard.GetAsync()),
    ];

    /// <summary>The two kinds of stranger: one in another couple and one with no couple.</summary>
    public static async Task<IReadOnlyList<(string Who, TestPerson Person)>> CreateStrangersAsync(AppDriver app)
    {
        var otherCouple = await CreateOtherCoupleAsync(app);
        var unpaired = await app.NewPersonAsync($"Loner {RandomLetters()}");
        return [("a stranger from another couple", otherCouple.Inviter), ("an unpaired user", unpaired)];
    }

    /// <summary>A couple with nothing to do with the victim.</summary>
    public static Task<PairedCouple> CreateOtherCoupleAsync(AppDriver app) =>
        app.PairNewAsync($"Stranger {RandomLetters()}", $"Outsider {RandomLetters()}");

    /// <summary>
    /// Signs in over HTTP as each stranger and GETs every route: each answer is 404, a redirect, or a 200 without any
    /// of the victim's strings. Never a 500. Returns what each got ("GET /x as … → 404"), for the test's output.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AssertStrangersSeeNothingAsync(AppFixture app, VictimCouple victim, IEnumerable<string> routes)
    {
        var seen = new List<string>();
        var routeList = routes.ToList();
        Assert.NotEmpty(routeList);
        foreach (var (who, stranger) in await CreateStrangersAsync(app.Driver))
        {
            using var browser = app.NewBrowser();
            await browser.LogInSuccessfullyAsync(stranger.Email, AppFixture.Password);
            foreach (var route in routeList)
            {
                using var response = await browser.GetAsync(route);
                var status = (int)response.StatusCode;
                Assert.True(
                    response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound || status is >= 300 and < 400,
                    $"GET {route} as {who} answered {status}; expected 404, a redirect, or 200 without the couple's data.");

                var body = await response.Content.ReadAsStringAsync();
                AssertNoSecrets(victim, $"GET {route} as {who} ({status})", body + "\n" + response.Headers.Location);
                seen.Add($"GET {route} as {who} → {status}{(response.Headers.Location is { } location ? " " + location : string.Empty)}");
            }
        }

        return seen;
    }

    /// <summary>Each stranger calls each service in their own signed-in scope: nothing of the victim comes back.</summary>
    public static async Task AssertStrangersGetNothingFromServicesAsync(AppDriver app, VictimCouple victim, IEnumerable<ServiceProbe> probes)
    {
        var probeList = probes.ToList();
        Assert.NotEmpty(probeList);
        foreach (var (who, stranger) in await CreateStrangersAsync(app))
        {
            foreach (var probe in probeList)
            {
                await using var services = app.AsUser(stranger);
                var result = await probe.Call(services);
                AssertNoSecrets(victim, $"{probe.Name} as {who}", JsonSerializer.Serialize(result));
            }
        }
    }

    /// <summary>Fails when <paramref name="text"/> contains any victim string, raw or encoded as HTML, JSON or a URL would.</summary>
    public static void AssertNoSecrets(VictimCouple victim, string where, string text)
    {
        var leaked = victim.Secrets
            .SelectMany(secret => EncodingsOf(secret).Select(encoded => (secret, encoded)))
            .Where(pair => text.Contains(pair.encoded, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.secret)
            .Distinct()
            .ToList();
        Assert.True(leaked.Count == 0, $"{where} shows the victim couple's data: {string.Join(", ", leaked.Select(secret => $"\"{secret}\""))}.");
    }

    /// <summary>True when <paramref name="text"/> contains <paramref name="secret"/>, raw or encoded as HTML, JSON or a URL would.</summary>
    public static bool Shows(string text, string secret) =>
        EncodingsOf(secret).Any(encoded => text.Contains(encoded, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> EncodingsOf(string secret) => new[]
    {
        secret,
        WebUtility.HtmlEncode(secret),
        HtmlEncoder.Default.Encode(secret),
        JavaScriptEncoder.Default.Encode(secret),
        JsonSerializer.Serialize(secret).Trim('"'),
        Uri.EscapeDataString(secret),
    }.Distinct(StringComparer.Ordinal);

    private static string? Utf8(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    private static string RandomLetters() =>
        string.Concat(Enumerable.Range(0, 6).Select(index => (char)((index == 0 ? 'A' : 'a') + Random.Shared.Next(26))));
}
