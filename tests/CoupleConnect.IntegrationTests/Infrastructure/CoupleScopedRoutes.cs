using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Domain.SessionSummaries;
using CoupleConnect.IntegrationTests.TimeOuts;
using CoupleConnect.Web.Features.Needs;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Features.Talks;
using CoupleConnect.Web.Features.TimeOuts;

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

    /// <summary>
    /// The current couple's daily ritual (marked, with both partners' notes) and monthly reflection, the former couple's
    /// ritual, and the current couple's deleted ("stopped") one.
    /// </summary>
    public IReadOnlyList<Guid> RitualIds { get; init; } = [];

    /// <summary>The names, descriptions and notes of <see cref="RitualIds"/>, the former couple's name last (also in <see cref="Secrets"/>).</summary>
    public IReadOnlyList<string> RitualTexts { get; init; } = [];

    /// <summary>The day the current couple's daily ritual was marked done and written about (yesterday in the home zone).</summary>
    public DateOnly RitualDay { get; init; }

    /// <summary>The first session of the current couple's monthly reflection.</summary>
    public DateOnly ReflectionDay { get; init; }

    /// <summary>
    /// The current couple's needs: Marisol's (rewritten once, tried by Thaddeus), one Marisol took off, and Thaddeus's;
    /// then the former couple's (Jorunn's). Their words are in <see cref="Secrets"/>.
    /// </summary>
    public IReadOnlyList<Guid> NeedIds { get; init; } = [];

    /// <summary>The current couple's talk (one turn heard, words from both), then the former couple's.</summary>
    public IReadOnlyList<Guid> TalkIds { get; init; } = [];

    /// <summary>The topics and words of <see cref="TalkIds"/> (also in <see cref="Secrets"/>).</summary>
    public IReadOnlyList<string> TalkTexts { get; init; } = [];

    /// <summary>The current couple's running time-out, on which Marisol wrote a private note (its text is in <see cref="Secrets"/>).</summary>
    public Guid TimeOutId { get; init; }

    /// <summary>Story moments of the current couple, when a test wrote some (the story's own stranger test does).</summary>
    public IReadOnlyList<Guid> StoryMomentIds { get; init; } = [];

    public VictimCouple With(params string[] moreSecrets) => this with { Secrets = [.. Secrets, .. moreSecrets] };
}

/// <summary>One service call a stranger makes; its result must hold nothing of the victim couple.</summary>
public sealed record ServiceProbe(string Name, Func<SignedInServices, Task<object?>> Call);

/// <summary>
/// The stranger test every couple-scoped feature reuses (docs/architecture.md): a person from ANOTHER couple and a person
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
        var formerRitualName = $"Fjord swim & sauna {RandomLetters()}";
        var formerRitual = await CreateRitualAsync(app, jorunn, formerRitualName, $"Cold water, then \"warm\" wood {RandomLetters()}", RitualRepeat.Weekly, daysBack: 0);
        var formerNeedText = $"I feel close when we watch the <b>aurora</b> {RandomLetters()}";
        var formerNeed = await WriteNeedAsync(app, jorunn, formerNeedText);
        var formerTalkTexts = new[] { $"Winters & the dark {RandomLetters()}", $"I feel <b>low</b> in the dark months {RandomLetters()}", $"You feel low when it's dark {RandomLetters()}" };
        var formerTalk = await CreateTalkAsync(app, jorunn, marisol, formerTalkTexts);
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
        // Their rituals: a daily one (begun two days ago at midnight) marked done yesterday with a note from each, and
        // the monthly reflection. Names may hold & and quotes (not < or >); notes may hold markup.
        var ritualTexts = new List<string>
        {
            $"Breakfast & \"crosswords\" {RandomLetters()}", $"Pancakes, the crossword, no phones {RandomLetters()}",
            $"Moonlit look back {RandomLetters()}", $"Our month, <i>otter</i> style {RandomLetters()}",
            $"Seven across was <b>otter</b> {RandomLetters()}", $"You let me have the last pancake {RandomLetters()}",
        };
        var dailyRitual = await CreateRitualAsync(app, marisol, ritualTexts[0], ritualTexts[1], RitualRepeat.Daily, daysBack: 2);
        var reflectionRitual = await CreateRitualAsync(app, thaddeus, ritualTexts[2], ritualTexts[3], RitualRepeat.MonthlyOnNthWeekday, daysBack: 0);
        var ritualDay = await WriteAboutYesterdayAsync(app, current, dailyRitual, ritualTexts[4], ritualTexts[5]);
        var reflectionDay = await FirstOccurrenceAsync(app, thaddeus, reflectionRitual);
        // And one they stopped: deleted rituals stay readable to the couple.
        ritualTexts.Add($"Sunday market run {RandomLetters()}");
        var stoppedRitual = await CreateRitualAsync(app, thaddeus, ritualTexts[^1], $"Bring the \"big\" basket {RandomLetters()}", RitualRepeat.Weekly, daysBack: 0);
        await using (var scope = app.AsUser(thaddeus))
        {
            var deleted = await scope.Get<RitualsService>().DeleteAsync(stoppedRitual);
            Assert.True(deleted.Succeeded, deleted.Error);
        }

        ritualTexts.Add(formerRitualName);

        // Their needs: one rewritten (its old words in the history) and tried, one taken off, one of Thaddeus's.
        var needTexts = new[]
        {
            $"I feel close when we <i>walk</i> the pier {RandomLetters()}", $"I feel close when we walk the pier at dusk {RandomLetters()}",
            $"I feel safe when we \"call\" at lunch {RandomLetters()}", $"I feel cared for when we share the crossword {RandomLetters()}",
        };
        var marisolsNeed = await WriteNeedAsync(app, marisol, needTexts[0]);
        await NeedAsync(app, marisol, needs => needs.ReviseAsync(marisolsNeed, needTexts[1]));
        await NeedAsync(app, thaddeus, needs => needs.StartTryingAsync(marisolsNeed));
        var takenOff = await WriteNeedAsync(app, marisol, needTexts[2]);
        await NeedAsync(app, marisol, needs => needs.TakeOffAsync(takenOff));
        var thaddeussNeed = await WriteNeedAsync(app, thaddeus, needTexts[3]);

        // A talk: Marisol proposed it, Thaddeus accepted, one turn heard (words from both), then each said what they'll try.
        var talkTexts = new List<string> { $"How we share the \"otter\" evenings {RandomLetters()}", $"I feel <i>alone</i> after nine {RandomLetters()}", $"You miss me after nine {RandomLetters()}" };
        var talk = await CreateTalkAsync(app, marisol, thaddeus, talkTexts);
        talkTexts.AddRange(formerTalkTexts);

        // A running time-out with Marisol's private note.
        var timeOutNote = $"Only mine, about the kettle {RandomLetters()}";
        Assert.True((await app.CallTimeOutAsync(marisol, Domain.TimeOuts.TimeOutQuickPick.OneHour)).Succeeded);
        var timeOutId = await app.CurrentTimeOutIdAsync(marisol);
        Assert.True((await app.TimeOutsAsync(marisol, timeOuts => timeOuts.SaveNoteAsync(timeOutId, timeOutNote))).Succeeded);

        // A therapist summary both agreed to, with Marisol's positive ticked in.
        await AgreeOnASummaryAsync(app, marisol, thaddeus, positive.Id);

        // Both answered this week's temperature, so it is revealed: the couple's own pages show both.
        var temperatureTexts = new[] { $"The <b>pier</b> at dusk {RandomLetters()}", $"More \"otter\" evenings {RandomLetters()}", $"Soup & rain again {RandomLetters()}", $"A slow Sunday {RandomLetters()}" };
        await AnswerTemperatureAsync(app, marisol, 8, temperatureTexts[0], temperatureTexts[1]);
        await AnswerTemperatureAsync(app, thaddeus, 6, temperatureTexts[2], temperatureTexts[3]);

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
        secrets.AddRange(ritualTexts);
        secrets.AddRange([.. needTexts, formerNeedText]);
        secrets.AddRange(talkTexts);
        secrets.Add(timeOutNote);
        secrets.AddRange(temperatureTexts);
        return new VictimCouple(current, former, secrets)
        {
            NeedIds = [marisolsNeed, takenOff, thaddeussNeed, formerNeed],
            TalkIds = [talk, formerTalk],
            TalkTexts = talkTexts,
            TimeOutId = timeOutId,
            RitualIds = [dailyRitual, reflectionRitual, formerRitual, stoppedRitual],
            RitualTexts = ritualTexts,
            RitualDay = ritualDay,
            ReflectionDay = reflectionDay,
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
        "/checkin",
        "/today",
        "/checkin/today",
        "/checkin/yesterday",
        $"/checkin/{victim.CheckInDay:yyyy-MM-dd}",
        $"/checkin/{victim.CheckInDay.AddDays(-1):yyyy-MM-dd}",
        "/gratitude",
        "/positives",
        "/positives?who=partner&kind=gratitude",
        "/positives?who=me&kind=help",
        "/needs",
        "/goals",
        "/rituals",
        "/rituals/new",
        $"/rituals/new?template={RitualTemplates.DateNight.Key}",
        .. victim.RitualIds.SelectMany(id => new[] { $"/rituals/{id}", $"/rituals/{id}/edit" }),
        $"/rituals/{victim.RitualIds[0]}/reflection/{victim.RitualDay:yyyy-MM-dd}",
        $"/rituals/{victim.RitualIds[1]}/reflection/{victim.ReflectionDay:yyyy-MM-dd}",
        "/talks",
        "/talks/new",
        .. victim.TalkIds.SelectMany(id => new[] { $"/talks/{id}", $"/talks/new?followUp={id}" }),
        "/time-out",
        "/getting-help/summary",
        "/getting-help/summary/print",

        "/story",

        "/temperature",
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
        new("CheckInService.SwapTodayAsync", async services => await services.CheckIns.SwapTodayAsync()),
        new("CheckInService.TakeBackAnswerAsync(victim's day)", async services => await services.CheckIns.TakeBackAnswerAsync(victim.CheckInDay)),
        new("CheckInService.RemoveReflectionAsync(victim's day)", async services => await services.CheckIns.RemoveReflectionAsync(victim.CheckInDay)),
        new("CheckInService.GetHistoryAsync(1) after acting", async services => await services.CheckIns.GetHistoryAsync(1)),
        new("DashboardService.GetAsync", async services => await services.Dashboard.GetAsync()),
        new("PositivesService.WroteGratitudeTodayAsync", async services => await services.Positives.WroteGratitudeTodayAsync()),
        new("PositivesService.ListAsync(both, every kind)", async services => await services.Positives.ListAsync(Web.Features.Positives.PositiveAuthor.Both, Web.Features.Positives.PositiveKindChoice.All, 50)),
        new("PositivesService.ListAsync(partner, gratitude)", async services => await services.Positives.ListAsync(Web.Features.Positives.PositiveAuthor.Partner, Web.Features.Positives.PositiveKindChoice.Gratitude, 50)),
        .. victim.PositiveIds.Select((id, index) => new ServiceProbe(
            $"PositivesService.AcknowledgeAsync(victim's entry {index + 1})", async services => await services.Positives.AcknowledgeAsync(id))),
        .. victim.PositiveIds.Select((id, index) => new ServiceProbe(
            $"PositivesService.DeleteAsync(victim's entry {index + 1})", async services => await services.Positives.DeleteAsync(id))),
        new("AuthorWords.RemoveMineFromArchiveAsync", async services => await services.Get<Web.Features.Couples.AuthorWords>().RemoveMineFromArchiveAsync()),
        new("AuthorWords.RemoveFromEndedCoupleAsync(victim's former couple)", async services => await services.Get<Web.Features.Couples.AuthorWords>().RemoveFromEndedCoupleAsync(services.UserId!, victim.Former.CoupleId, default)),
        new("PositivesService.LogAsync(own couple)", async services => await services.Positives.LogAsync(new() { Kind = Domain.Positives.PositiveKind.Help, Note = "A stranger's note" })),
        new("PositivesService.WriteGratitudeAsync(own couple)", async services => await services.Positives.WriteGratitudeAsync("A stranger's thanks")),
        new("DashboardService.GetAsync after acting", async services => await services.Dashboard.GetAsync()),
        .. RitualProbes(victim),
        .. NeedProbes(victim),
        .. TalkProbes(victim),
        .. TimeOutProbes(victim),
        .. SessionSummaryProbes(victim),

        .. StoryProbes(victim),

        new("TemperatureService.GetAsync", async services => await services.Get<Web.Features.Temperature.TemperatureService>().GetAsync()),
        new("TemperatureService.WithdrawAsync", async services => await services.Get<Web.Features.Temperature.TemperatureService>().WithdrawAsync()),
        new("TemperatureService.AnswerAsync(own couple)", async services => await services.Get<Web.Features.Temperature.TemperatureService>().AnswerAsync(5, "A stranger's gain", "A stranger's wish")),
        new("TemperatureService.GetAsync after acting", async services => await services.Get<Web.Features.Temperature.TemperatureService>().GetAsync()),
    ];

    /// <summary>
    /// Every therapist-summary call: a stranger reads nothing of the victim's summary, cannot answer or withdraw it, and
    /// cannot put the victim's positive into a summary of their own.
    /// </summary>
    public static IEnumerable<ServiceProbe> SessionSummaryProbes(VictimCouple victim)
    {
        SessionSummaryService Summaries(SignedInServices services) => services.Get<SessionSummaryService>();
        var victimsPositive = new EntryKey(PositiveSummarySource.EntryKind, victim.PositiveIds[0]);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        yield return new("SessionSummaryService.GetAsync", async services => await Summaries(services).GetAsync());
        yield return new("SessionSummaryService.PrintableAsync", async services => await Summaries(services).PrintableAsync());
        yield return new("SessionSummaryService.MyEntriesAsync", async services => await Summaries(services).MyEntriesAsync(today.AddDays(-30), today));
        yield return new("SessionSummaryService.AcceptAsync", async services => await Summaries(services).AcceptAsync([]));
        yield return new("SessionSummaryService.DeclineAsync", async services => await Summaries(services).DeclineAsync());
        yield return new("SessionSummaryService.WithdrawAsync", async services => await Summaries(services).WithdrawAsync());
        yield return new("SessionSummaryService.ProposeAsync(victim's positive ticked)", async services => await Summaries(services).ProposeAsync(today.AddDays(-30), today, [victimsPositive]));
        yield return new("SessionSummaryService.ChooseEntriesAsync(victim's positive)", async services => await Summaries(services).ChooseEntriesAsync([victimsPositive]));
        yield return new("SessionSummaryService.PrintableAsync after acting", async services => await Summaries(services).PrintableAsync());
    }

    private static async Task AgreeOnASummaryAsync(AppDriver app, TestPerson proposer, TestPerson partner, Guid proposersPositive)
    {
        await using (var scope = app.AsUser(proposer))
        {
            var summaries = scope.Get<SessionSummaryService>();
            var today = (await summaries.GetAsync())!.Today;
            var proposed = await summaries.ProposeAsync(today.AddDays(-27), today, [new EntryKey(PositiveSummarySource.EntryKind, proposersPositive)]);
            Assert.True(proposed.Succeeded, proposed.Error);
        }

        await using (var scope = app.AsUser(partner))
        {
            var accepted = await scope.Get<SessionSummaryService>().AcceptAsync([]);
            Assert.True(accepted.Succeeded, accepted.Error);
        }
    }

    /// <summary>Every needs service call: the read, and each kind of change aimed at each of the victim's needs.</summary>
    public static IEnumerable<ServiceProbe> NeedProbes(VictimCouple victim)
    {
        yield return new("NeedsService.GetAsync", async services => await services.Get<NeedsService>().GetAsync());
        foreach (var (id, index) in victim.NeedIds.Select((id, index) => (id, index + 1)))
        {
            yield return new($"NeedsService.StartTryingAsync(victim's need {index})", async services => await services.Get<NeedsService>().StartTryingAsync(id));
            yield return new($"NeedsService.StopTryingAsync(victim's need {index})", async services => await services.Get<NeedsService>().StopTryingAsync(id));
            yield return new($"NeedsService.ReviseAsync(victim's need {index})", async services => await services.Get<NeedsService>().ReviseAsync(id, "A stranger's words"));
            yield return new($"NeedsService.TakeOffAsync(victim's need {index})", async services => await services.Get<NeedsService>().TakeOffAsync(id));
            yield return new($"NeedsService.DeleteForGoodAsync(victim's need {index})", async services => await services.Get<NeedsService>().DeleteForGoodAsync(id));
            yield return new($"RitualOccurrencesService.WriteNeedAnswerAsync(victim's need {index})", async services => await services.Get<RitualOccurrencesService>().WriteNeedAnswerAsync(victim.RitualIds[1], victim.ReflectionDay, id, "A stranger's answer"));
        }

        yield return new("NeedsService.GetAsync after acting", async services => await services.Get<NeedsService>().GetAsync());
    }

    /// <summary>Every talks service call, aimed at each of the victim's talks (current and former couple's), then the stranger's own lists.</summary>
    public static IEnumerable<ServiceProbe> TalkProbes(VictimCouple victim)
    {
        TalksService Talks(SignedInServices services) => services.Get<TalksService>();
        yield return new("TalksService.ListAsync", async services => await Talks(services).ListAsync());
        yield return new("TalksService.LastHeldOnAsync", async services => await Talks(services).LastHeldOnAsync());
        foreach (var (id, index) in victim.TalkIds.Select((id, index) => (id, index + 1)))
        {
            yield return new($"TalksService.GetAsync(victim's talk {index})", async services => await Talks(services).GetAsync(id));
            yield return new($"TalksService.AcceptAsync(victim's talk {index})", async services => await Talks(services).AcceptAsync(id));
            yield return new($"TalksService.SuggestTimeAsync(victim's talk {index})", async services => await Talks(services).SuggestTimeAsync(id, true, null, null));
            yield return new($"TalksService.DeclineAsync(victim's talk {index})", async services => await Talks(services).DeclineAsync(id));
            yield return new($"TalksService.BeginAsync(victim's talk {index})", async services => await Talks(services).BeginAsync(id));
            yield return new($"TalksService.SpeakAsync(victim's talk {index})", async services => await Talks(services).SpeakAsync(id, "A stranger's words"));
            yield return new($"TalksService.ReflectAsync(victim's talk {index})", async services => await Talks(services).ReflectAsync(id, "A stranger's reflection"));
            yield return new($"TalksService.AnswerAsync(victim's talk {index})", async services => await Talks(services).AnswerAsync(id, Domain.CheckIns.ReflectionVerdict.NotQuite, "A stranger's note"));
            yield return new($"TalksService.RemoveTopicAsync(victim's talk {index})", async services => await Talks(services).RemoveTopicAsync(id));
            yield return new($"TalksService.EndAsync(victim's talk {index})", async services => await Talks(services).EndAsync(id));
            yield return new($"TalksService.NameNextStepAsync(victim's talk {index})", async services => await Talks(services).NameNextStepAsync(id, "A stranger's plan"));
            yield return new($"TalksService.RemoveNextStepAsync(victim's talk {index})", async services => await Talks(services).RemoveNextStepAsync(id));
            yield return new($"TalksService.ProposeAsync(follow-up of victim's talk {index})", async services => await Talks(services).ProposeAsync(new TalkProposalForm { Topic = "A stranger's topic", Now = true }, id));
        }

        yield return new("TalksService.ListAsync after acting", async services => await Talks(services).ListAsync());
    }

    /// <summary>Every story service call: the reads, and each change aimed at each of the victim's moments (if any were written).</summary>
    public static IEnumerable<ServiceProbe> StoryProbes(VictimCouple victim)
    {
        Web.Features.Story.StoryService Story(SignedInServices services) => services.Get<Web.Features.Story.StoryService>();
        yield return new("StoryService.GetAsync", async services => await Story(services).GetAsync());
        yield return new("StoryService.HasMonthAsync(victim's reflection)", async services => await Story(services).HasMonthAsync(victim.ReflectionDay));
        foreach (var (id, index) in victim.StoryMomentIds.Select((id, index) => (id, index + 1)))
        {
            yield return new($"StoryService.ChangeAsync(victim's moment {index})", async services => await Story(services).ChangeAsync(id, new() { Title = "A stranger's title", Day = new DateOnly(2020, 1, 1) }));
            yield return new($"StoryService.WriteSideAsync(victim's moment {index})", async services => await Story(services).WriteSideAsync(id, "A stranger's memory"));
            yield return new($"StoryService.RemoveSideAsync(victim's moment {index})", async services => await Story(services).RemoveSideAsync(id));
            yield return new($"StoryService.TakeBackAsync(victim's moment {index})", async services => await Story(services).TakeBackAsync(id));
        }

        yield return new("StoryService.GetAsync after acting", async services => await Story(services).GetAsync());
    }

    /// <summary>Every time-out service call, the writes aimed at the victim's running time-out and Marisol's note.</summary>
    public static IEnumerable<ServiceProbe> TimeOutProbes(VictimCouple victim)
    {
        var id = victim.TimeOutId;
        yield return new("TimeOutService.LoadAsync", async services => await services.Get<TimeOutService>().LoadAsync());
        yield return new("TimeOutService.BannerAsync", async services => await services.Get<TimeOutService>().BannerAsync());
        yield return new("TimeOutService.ExtendAsync(victim's)", async services => await services.Get<TimeOutService>().ExtendAsync(id, new TimeOutReturnChoice(Domain.TimeOuts.TimeOutQuickPick.OneHour, null)));
        yield return new("TimeOutService.EndEarlyAsync(victim's)", async services => await services.Get<TimeOutService>().EndEarlyAsync(id));
        yield return new("TimeOutService.MarkReadyAsync(victim's)", async services => await services.Get<TimeOutService>().MarkReadyAsync(id));
        yield return new("TimeOutService.SaveNoteAsync(victim's)", async services => await services.Get<TimeOutService>().SaveNoteAsync(id, "A stranger's note"));
        yield return new("TimeOutService.DeleteNoteAsync(victim's)", async services => await services.Get<TimeOutService>().DeleteNoteAsync(id));
        yield return new("TimeOutService.LoadAsync after acting", async services => await services.Get<TimeOutService>().LoadAsync());
    }

    /// <summary>
    /// Every rituals service call: reads of each of the victim's rituals (current and former couple's), and each kind of
    /// write aimed at the current couple's daily ritual and reflection (few enough to stay inside the action throttle).
    /// </summary>
    public static IEnumerable<ServiceProbe> RitualProbes(VictimCouple victim)
    {
        var (daily, reflection) = (victim.RitualIds[0], victim.RitualIds[1]);
        yield return new("RitualsService.ListAsync", async services => await services.Get<RitualsService>().ListAsync());
        yield return new("RitualsService.UpcomingAsync", async services => await services.Get<RitualsService>().UpcomingAsync());
        yield return new("RitualsService.StoppedAsync", async services => await services.Get<RitualsService>().StoppedAsync());
        yield return new("RitualsService.NewFormAsync(template)", async services => await services.Get<RitualsService>().NewFormAsync(RitualTemplates.DateNight.Key));
        foreach (var (id, index) in victim.RitualIds.Select((id, index) => (id, index + 1)))
        {
            yield return new($"RitualsService.GetAsync(victim's ritual {index})", async services => await services.Get<RitualsService>().GetAsync(id));
            yield return new($"RitualOccurrencesService.GetReflectionAsync(victim's ritual {index})", async services => await services.Get<RitualOccurrencesService>().GetReflectionAsync(id, victim.ReflectionDay));
        }

        yield return new("RitualsService.ChangeAsync(victim's ritual)", async services => await services.Get<RitualsService>().ChangeAsync(daily, new RitualInput { Name = "A stranger's ritual", Weekdays = [DayOfWeek.Monday] }));
        yield return new("RitualsService.SetReminderAsync(victim's ritual)", async services => await services.Get<RitualsService>().SetReminderAsync(daily, false, 60, false));
        yield return new("RitualOccurrencesService.MarkAsync(victim's day)", async services => await services.Get<RitualOccurrencesService>().MarkAsync(daily, victim.RitualDay, RitualOutcomeStatus.Skipped));
        yield return new("RitualOccurrencesService.WriteNoteAsync(victim's day)", async services => await services.Get<RitualOccurrencesService>().WriteNoteAsync(daily, victim.RitualDay, "A stranger's note"));
        yield return new("RitualOccurrencesService.DeleteNoteAsync(victim's day)", async services => await services.Get<RitualOccurrencesService>().DeleteNoteAsync(daily, victim.RitualDay));
        yield return new("RitualOccurrencesService.DeleteReflectionAsync(victim's session)", async services => await services.Get<RitualOccurrencesService>().DeleteReflectionAsync(reflection, victim.ReflectionDay));
        yield return new("RitualOccurrencesService.WriteReflectionAsync(victim's session)", async services => await services.Get<RitualOccurrencesService>().WriteReflectionAsync(reflection, victim.ReflectionDay, "A stranger's month", "A stranger's goal"));
        yield return new("RitualsService.DeleteAsync(victim's ritual)", async services => await services.Get<RitualsService>().DeleteAsync(daily));
        yield return new("RitualsService.CreateAsync(own couple)", async services => await services.Get<RitualsService>().CreateAsync(new RitualInput { Name = "A stranger's ritual", Weekdays = [DayOfWeek.Monday] }));
        yield return new("RitualsService.GetAsync after acting", async services => await services.Get<RitualsService>().GetAsync(daily));
        yield return new("RitualsService.ListAsync after acting", async services => await services.Get<RitualsService>().ListAsync());
    }

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

    /// <summary>A "now" talk on topic texts[0]: <paramref name="proposer"/> says texts[1], the partner reflects texts[2], "That's it".</summary>
    private static async Task<Guid> CreateTalkAsync(AppDriver app, TestPerson proposer, TestPerson partner, IReadOnlyList<string> texts)
    {
        async Task<T> As<T>(TestPerson person, Func<TalksService, Task<T>> call)
        {
            await using var scope = app.AsUser(person);
            var result = await call(scope.Get<TalksService>());
            return result;
        }

        var proposed = await As(proposer, talks => talks.ProposeAsync(new TalkProposalForm { Topic = texts[0], Now = true }));
        Assert.True(proposed.Succeeded, proposed.Error);
        var id = proposed.Value;
        foreach (var (person, step) in new (TestPerson, Func<TalksService, Task<Web.Infrastructure.ServiceResult>>)[]
        {
            (partner, talks => talks.AcceptAsync(id)),
            (proposer, talks => talks.SpeakAsync(id, texts[1])),
            (partner, talks => talks.ReflectAsync(id, texts[2])),
            (proposer, talks => talks.AnswerAsync(id, Domain.CheckIns.ReflectionVerdict.ThatsIt, null)),
        })
        {
            var result = await As(person, step);
            Assert.True(result.Succeeded, result.Error);
        }

        return id;
    }

    /// <summary>
    /// A ritual made through <see cref="RitualsService"/> by <paramref name="creator"/>, starting <paramref name="daysBack"/>
    /// days ago in the home zone: daily at midnight, weekly on today's weekday at 23:59, or the monthly reflection.
    /// </summary>
    private static async Task<Guid> CreateRitualAsync(AppDriver app, TestPerson creator, string name, string description, RitualRepeat repeat, int daysBack)
    {
        await using var scope = app.AsUser(creator);
        var rituals = scope.Get<RitualsService>();
        var form = await rituals.NewFormAsync(repeat == RitualRepeat.MonthlyOnNthWeekday ? RitualTemplates.MonthlyReflection.Key : null);
        Assert.NotNull(form);
        form.Name = name;
        form.Description = description;
        form.Repeat = repeat;
        form.StartDate = form.StartDate!.Value.AddDays(-daysBack);
        form.StartTime = repeat switch { RitualRepeat.Daily => "00:00", RitualRepeat.Weekly => "23:59", _ => form.StartTime };
        var created = await rituals.CreateAsync(form);
        Assert.True(created.Succeeded, $"{creator.DisplayName} could not create the ritual \"{name}\": {created.Error}");
        return created.Value;
    }

    private static async Task AnswerTemperatureAsync(AppDriver app, TestPerson author, int connected, string gain, string wish)
    {
        await using var scope = app.AsUser(author);
        var answered = await scope.Get<Web.Features.Temperature.TemperatureService>().AnswerAsync(connected, gain, wish);
        Assert.True(answered.Succeeded, answered.Error);
    }

    private static async Task<Guid> WriteNeedAsync(AppDriver app, TestPerson author, string text)
    {
        await using var scope = app.AsUser(author);
        var written = await scope.Get<NeedsService>().WriteAsync(text);
        Assert.True(written.Succeeded, written.Error);
        return written.Value;
    }

    private static async Task NeedAsync(AppDriver app, TestPerson person, Func<NeedsService, Task<Web.Infrastructure.ServiceResult>> change)
    {
        await using var scope = app.AsUser(person);
        var result = await change(scope.Get<NeedsService>());
        Assert.True(result.Succeeded, result.Error);
    }

    /// <summary>The inviter marks yesterday's occurrence done; each partner writes a note on it. Returns the day.</summary>
    private static async Task<DateOnly> WriteAboutYesterdayAsync(AppDriver app, PairedCouple couple, Guid ritualId, string inviterNote, string partnerNote)
    {
        // Daily at midnight: the next occurrence is tomorrow's, so yesterday is two days before it.
        var yesterday = (await FirstOccurrenceAsync(app, couple.Inviter, ritualId)).AddDays(-2);
        foreach (var (person, note) in new[] { (couple.Inviter, inviterNote), (couple.Partner, partnerNote) })
        {
            await using var scope = app.AsUser(person);
            var occurrences = scope.Get<RitualOccurrencesService>();
            if (person == couple.Inviter)
            {
                var marked = await occurrences.MarkAsync(ritualId, yesterday, RitualOutcomeStatus.Done);
                Assert.True(marked.Succeeded, marked.Error);
            }

            var written = await occurrences.WriteNoteAsync(ritualId, yesterday, note);
            Assert.True(written.Succeeded, written.Error);
        }

        return yesterday;
    }

    /// <summary>The day of the ritual's next occurrence, as <paramref name="person"/> is shown it.</summary>
    private static async Task<DateOnly> FirstOccurrenceAsync(AppDriver app, TestPerson person, Guid ritualId)
    {
        await using var scope = app.AsUser(person);
        var detail = await scope.Get<RitualsService>().GetAsync(ritualId);
        Assert.True(detail.Succeeded, detail.Error);
        return detail.Value!.Upcoming[0].Day;
    }

    private static string? Utf8(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    private static string RandomLetters() =>
        string.Concat(Enumerable.Range(0, 6).Select(index => (char)((index == 0 ? 'A' : 'a') + Random.Shared.Next(26))));
}
