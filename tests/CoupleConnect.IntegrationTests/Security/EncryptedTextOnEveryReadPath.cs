using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.IntegrationTests.Temperature;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Encrypted text decrypts only with the row it belongs to, so a query that reads an encrypted column by itself (a
/// projection) would show ciphertext (docs/adr/0017). Every read path that once did so (the download, the archive, the
/// weekly summary, the rituals pages, the check-in, the dashboard) shows each text exactly as written, and nowhere a
/// stored "enc:" value.
/// </summary>
public sealed class EncryptedTextOnEveryReadPath(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task EveryReadPathThatOnceProjectedAnEncryptedColumnShowsThePlainText()
    {
        var couple = await app.NewCoupleAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var texts = new Texts();
        var day = await Driver.BothAnswerTodayAsync(couple, texts.AlexsAnswer, texts.SamsAnswer);
        await using (var asSam = Driver.AsUser(sam))
        {
            Assert.True((await asSam.CheckIns.ReflectAsync(day, texts.SamsReflection)).Succeeded);
        }

        await using (var asAlex = Driver.AsUser(alex))
        {
            Assert.True((await asAlex.CheckIns.RespondToReflectionAsync(day, Domain.CheckIns.ReflectionVerdict.NotQuite, texts.AlexsClarification)).Succeeded);
        }

        await ShareHighlightsAsync(alex);
        await ShareHighlightsAsync(sam);
        await Driver.LogPositiveAsync(sam, PositiveKind.KindWord, texts.SamsPositiveNote);
        await Driver.WriteGratitudeAsync(alex, texts.AlexsGratitude);

        var form = await Driver.RitualsAsync(alex, rituals => rituals.NewFormAsync(RitualTemplates.MonthlyReflection.Key));
        Assert.NotNull(form);
        (form.Name, form.Description, form.StartDate) = (texts.RitualName, texts.RitualDescription, new DateOnly(2027, 1, 10));
        var ritualId = await Driver.CreateRitualAsync(alex, form);
        var february = new DateOnly(2027, 2, 7);
        var march = new DateOnly(2027, 3, 7);
        await Driver.MarkAsync(sam, ritualId, february, RitualOutcomeStatus.Done);
        await Driver.WriteNoteAsync(sam, ritualId, february, texts.SamsRitualNote);
        await Driver.WriteReflectionAsync(alex, ritualId, march, texts.AlexsWentWell, texts.AlexsGoal);
        await Driver.WriteReflectionAsync(sam, ritualId, march, texts.SamsWentWell, texts.SamsGoal);
        await Driver.AnswerTemperatureAsync(alex, 7, texts.AlexsSmallGain, texts.AlexsWish);
        await Driver.AnswerTemperatureAsync(sam, 6, texts.SamsSmallGain, "An early night");

        var shown = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Alex's download"] = await DownloadAsync(alex),
            ["Sam's download"] = await DownloadAsync(sam),
            ["the couple's archive"] = await ArchiveAsync(couple.CoupleId),
            ["Alex's weekly summary"] = await WeeklySummaryAsync(couple, alex, sam, day),
            ["the rituals list"] = Serialize(await Driver.RitualListAsync(alex)),
            ["the ritual's page"] = Serialize(await Driver.RitualAsync(alex, ritualId)),
            ["the upcoming rituals"] = Serialize(await Driver.RitualsAsync(alex, rituals => rituals.UpcomingAsync())),
            ["the monthly reflection"] = Serialize(await Driver.ReflectionAsync(alex, ritualId, march)),
            ["the check-in day"] = await CheckInDayAsync(alex, day),
            ["Sam's dashboard"] = await DashboardAsync(sam),
            ["Sam's weekly temperature"] = Serialize(await Driver.TemperatureViewAsync(sam)),
        };

        foreach (var (where, json) in shown)
        {
            Assert.False(json.Contains("enc:v", StringComparison.Ordinal), $"{where} shows a stored ciphertext: {json}");
            Assert.False(json.Contains(Web.Infrastructure.Security.EncryptedPropertyExtensions.UnreadableText, StringComparison.Ordinal), $"{where} shows the unreadable notice.");
        }

        Assert.All(
            new[] { texts.AlexsAnswer, texts.AlexsClarification, texts.AlexsGratitude, texts.RitualName, texts.RitualDescription, texts.AlexsWentWell, texts.AlexsGoal },
            text => Assert.Contains(text, shown["Alex's download"], StringComparison.Ordinal));
        Assert.All(
            new[] { texts.SamsAnswer, texts.SamsReflection, texts.SamsPositiveNote, texts.SamsRitualNote, texts.SamsWentWell, texts.SamsGoal },
            text => Assert.Contains(text, shown["Sam's download"], StringComparison.Ordinal));
        Assert.All(
            new[] { texts.AlexsAnswer, texts.SamsAnswer, texts.SamsReflection, texts.AlexsClarification, texts.SamsPositiveNote, texts.RitualName, texts.SamsRitualNote, texts.SamsWentWell },
            text => Assert.Contains(text, shown["the couple's archive"], StringComparison.Ordinal));
        Assert.Contains(texts.SamsPositiveNote, shown["Alex's weekly summary"], StringComparison.Ordinal);
        Assert.Contains(texts.RitualName, shown["the rituals list"], StringComparison.Ordinal);
        Assert.All(new[] { texts.RitualName, texts.RitualDescription, texts.SamsRitualNote }, text => Assert.Contains(text, shown["the ritual's page"], StringComparison.Ordinal));
        Assert.Contains(texts.RitualName, shown["the upcoming rituals"], StringComparison.Ordinal);
        Assert.All(new[] { texts.AlexsWentWell, texts.SamsGoal, texts.SamsPositiveNote, texts.AlexsAnswer }, text => Assert.Contains(text, shown["the monthly reflection"], StringComparison.Ordinal));
        Assert.All(new[] { texts.AlexsAnswer, texts.SamsAnswer, texts.SamsReflection, texts.AlexsClarification }, text => Assert.Contains(text, shown["the check-in day"], StringComparison.Ordinal));
        Assert.All(new[] { texts.AlexsSmallGain, texts.AlexsWish }, text => Assert.Contains(text, shown["Alex's download"], StringComparison.Ordinal));
        Assert.All(new[] { texts.AlexsSmallGain, texts.AlexsWish, texts.SamsSmallGain }, text => Assert.Contains(text, shown["the couple's archive"], StringComparison.Ordinal));
        Assert.All(new[] { texts.AlexsSmallGain, texts.AlexsWish, texts.SamsSmallGain }, text => Assert.Contains(text, shown["Sam's weekly temperature"], StringComparison.Ordinal));
    }

    private static string Serialize(object? value) => JsonSerializer.Serialize(value, Json);

    private async Task ShareHighlightsAsync(TestPerson person)
    {
        await using var scope = Driver.AsUser(person);
        var preferences = scope.Get<ReminderPreferencesService>();
        var input = (await preferences.GetAsync())!;
        (input.WeeklySummaryOn, input.ShareHighlightText) = (true, true);
        Assert.True((await preferences.SaveAsync(input)).Succeeded);
    }

    private async Task<string> DownloadAsync(TestPerson person)
    {
        using var scope = app.ClockedFactory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(person.Id);
        var sections = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in scope.ServiceProvider.GetServices<IPersonalDataSource>())
        {
            sections[source.Section] = await source.ExportAsync(user!, CancellationToken.None);
        }

        return Serialize(sections);
    }

    private async Task<string> ArchiveAsync(Guid coupleId)
    {
        using var scope = app.ClockedFactory.Services.CreateScope();
        await using var db = await CoupleDb.OpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), coupleId);
        var sections = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in scope.ServiceProvider.GetServices<ICoupleArchiveSource>())
        {
            sections[source.Section] = await source.ExportAsync(new CoupleArchiveContent(db, app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()), CancellationToken.None);
        }

        return Serialize(sections);
    }

    private async Task<string> WeeklySummaryAsync(PairedCouple couple, TestPerson recipient, TestPerson partner, DateOnly day)
    {
        await using var db = await CoupleDb.OpenAsync(app.ClockedFactory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), couple.CoupleId);
        var reminderCouple = new ReminderCouple(couple.CoupleId, partner.Id, partner.DisplayName, Domain.Common.TimeZoneId.Parse(RitualsAppFixture.HomeZone), app.Clock.GetUtcNow());
        return Serialize(await WeeklySummaries.ForWeekOfAsync(db, reminderCouple, recipient.Id, day, CancellationToken.None));
    }

    private async Task<string> CheckInDayAsync(TestPerson person, DateOnly day)
    {
        await using var scope = Driver.AsUser(person);
        return Serialize(new { Day = await scope.CheckIns.GetDayAsync(day), History = await scope.CheckIns.GetHistoryAsync(1) });
    }

    private async Task<string> DashboardAsync(TestPerson person)
    {
        await using var scope = Driver.AsUser(person);
        return Serialize(await scope.Dashboard.GetAsync());
    }

    /// <summary>Each text unique to this run, so finding it proves this path read it.</summary>
    private sealed class Texts
    {
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];

        public string AlexsAnswer => $"The lighthouse walk {_run}";

        public string SamsAnswer => $"The orchard at dusk {_run}";

        public string SamsReflection => $"You love the sea air {_run}";

        public string AlexsClarification => $"More the quiet than the sea {_run}";

        public string SamsPositiveNote => $"Thank you for the soup {_run}";

        public string AlexsGratitude => $"Grateful for the umbrella {_run}";

        public string RitualName => $"Lantern evening {_run}";

        public string RitualDescription => $"Blankets and chamomile {_run}";

        public string SamsRitualNote => $"Fog rolled in {_run}";

        public string AlexsWentWell => $"Patience mostly {_run}";

        public string AlexsGoal => $"Visit the orchard {_run}";

        public string SamsWentWell => $"Laughing more {_run}";

        public string SamsGoal => $"Cook together {_run}";

        public string AlexsSmallGain => $"The orchard picnic {_run}";

        public string AlexsWish => $"A slow Sunday {_run}";

        public string SamsSmallGain => $"You made tea {_run}";
    }
}
