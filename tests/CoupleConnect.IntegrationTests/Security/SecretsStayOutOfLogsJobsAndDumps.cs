using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Goals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Needs;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.IntegrationTests.Talks;
using CoupleConnect.IntegrationTests.Temperature;
using CoupleConnect.IntegrationTests.TimeOuts;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Features.Talks;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// One journey through the app (register and confirm by the form and the emailed link, log in, ask for a password
/// reset, pair, answer the check-in, log a positive with a note, write gratitude, plan a monthly ritual with a
/// description, a note and a reflection, open the calendar feed) with every log line captured at Debug for every
/// category but Microsoft.AspNetCore, which stays at its shipped Warning: below that, its request and routing logs write
/// every URL, and URLs carry confirmation codes and calendar tokens. No log line, no Hangfire table and no pg_dump of the database holds any text, token or password of the
/// journey. Before the dump, every encrypted property of the EF model (listed from the model, so new ones count
/// too) is also overwritten with a marker of its own, which must not appear either.
/// Driven through the app's services and static SSR forms (HTTP), not a browser: the same code paths write the logs.
/// </summary>
public sealed class SecretsStayOutOfLogsJobsAndDumps(SecretsJourneyAppFixture app) : IClassFixture<SecretsJourneyAppFixture>
{
    [Fact]
    public async Task NoLogLineHoldsAnyTextTokenOrPasswordOfTheJourney()
    {
        var journey = await app.JourneyAsync();
        var lines = app.Logs.Lines;

        Assert.True(lines.Count > 100, $"Only {lines.Count} log lines were captured: is the capture working?");
        Assert.Contains(lines, line => line.Level == LogLevel.Debug); // Debug really is on
        var leaks = (from secret in journey.Secrets
                     from line in lines
                     where Encodings(secret.Value).Any(encoded => Contains(line with { Scopes = string.Empty }, encoded))
                     select $"{secret.Key} in {line}").ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(20)));

        // Scopes: ASP.NET Core puts the request path in every line's scope, and the calendar feed's path is its token.
        // The console and JSON loggers leave scopes out by default; a sink that includes them gets the token. Known and
        // not fixed yet (the fix: redact the RequestPath scope of /calendar/ requests); any other leak fails here.
        var scopeLeaks = (from secret in journey.Secrets
                          from line in lines
                          where Encodings(secret.Value).Any(encoded => line.Scopes.Contains(encoded, StringComparison.OrdinalIgnoreCase))
                          select secret.Key).Distinct().ToList();
        Assert.True(scopeLeaks.All(key => key == "calendar token"), $"Log scopes hold: {string.Join(", ", scopeLeaks)}");
    }

    private static bool Contains(CapturedLine line, string text) => line.ToString().Contains(text, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task NoHangfireTableHoldsAnyTextTokenOrPasswordOfTheJourney()
    {
        var journey = await app.JourneyAsync();
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("hangfire.job", tables);
        var everything = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {table} t", connection);
            everything.Append(table).Append(": ").Append(await rows.ExecuteScalarAsync()).Append('\n');
        }

        AssertNoSecretIn(journey, everything.ToString(), "the hangfire schema");
    }

    [Fact]
    public async Task ADatabaseDumpHoldsNoPlaintextOfAnyEncryptedField()
    {
        var journey = await app.JourneyAsync();
        var markers = await OverwriteEveryEncryptedPropertyAsync();

        var dump = await PgDumpAsync(app.Factory.ConnectionString);

        Assert.Contains("CREATE TABLE", dump, StringComparison.Ordinal);
        Assert.Contains("enc:v3:", dump, StringComparison.Ordinal); // the ciphertext is there, readable by no one without the key
        foreach (var (property, marker) in markers)
        {
            Assert.False(dump.Contains(marker, StringComparison.OrdinalIgnoreCase), $"The dump holds the plaintext of {property}.");
        }

        AssertNoSecretIn(journey, dump, "the pg_dump", onlyEncrypted: true);
    }

    /// <summary>For each encrypted property of the model: every row gets "plain-{Entity}.{Property}-…", saved through EF.</summary>
    private async Task<Dictionary<string, string>> OverwriteEveryEncryptedPropertyAsync()
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var markers = new Dictionary<string, string>(StringComparer.Ordinal);
        var encrypted = db.Model.GetEntityTypes()
            .Where(entity => !entity.IsOwned())
            .Select(entity => (Entity: entity, Properties: entity.GetProperties().Where(property => property.IsStoredEncrypted()).ToList()))
            .Where(found => found.Properties.Count > 0)
            .ToList();
        Assert.True(encrypted.Sum(found => found.Properties.Count) >= 12, "Fewer encrypted properties than the model had when this test was written.");

        var empty = new List<string>();
        foreach (var (entity, properties) in encrypted)
        {
            // Every couple's rows: this sweeps the whole database (docs/adr/0025).
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
            var rows = set.IgnoreQueryFilters().ToList();
            if (rows.Count == 0)
            {
                empty.Add(entity.DisplayName());
            }

            foreach (var property in properties)
            {
                var marker = $"plain-{entity.ClrType.Name}.{property.Name}-{Guid.NewGuid():N}";
                markers[$"{entity.DisplayName()}.{property.Name}"] = marker;
                foreach (var row in rows)
                {
                    db.Entry(row).Property(property.Name).CurrentValue = marker;
                }
            }
        }

        Assert.True(empty.Count == 0, $"The journey wrote no row of {string.Join(", ", empty)}: teach it to, so the dump test covers them.");
        await db.SaveChangesAsync();
        return markers;
    }

    private static void AssertNoSecretIn(SecretsJourney journey, string text, string where, bool onlyEncrypted = false)
    {
        var found = journey.Secrets
            .Where(secret => !onlyEncrypted || journey.EncryptedTexts.Contains(secret.Key))
            .Where(secret => Encodings(secret.Value).Any(encoded => text.Contains(encoded, StringComparison.OrdinalIgnoreCase)))
            .Select(secret => secret.Key)
            .ToList();
        Assert.True(found.Count == 0, $"{where} holds: {string.Join(", ", found)}");
    }

    /// <summary>The secret as it is and as a URL, HTML or JSON would carry it.</summary>
    private static IEnumerable<string> Encodings(string secret) =>
        new[] { secret, Uri.EscapeDataString(secret), WebUtility.HtmlEncode(secret), System.Text.Json.JsonSerializer.Serialize(secret).Trim('"') }.Distinct();

    private static async Task<string> PgDumpAsync(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var pgDump = PgDumpPath();
        var start = new ProcessStartInfo(pgDump, ["--no-owner", "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username!, connection.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{pgDump} failed: {await errors}");
        return await output;
    }

    /// <summary>The newest Debian server's pg_dump (it must not be older than the server), else the one on PATH.</summary>
    private static string PgDumpPath() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(dir => Path.Combine(dir, "bin", "pg_dump")).Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var major) ? major : 0)
                .FirstOrDefault() ?? "pg_dump"
            : "pg_dump";
}

/// <summary>What the journey wrote: every secret by name; <see cref="EncryptedTexts"/> names those stored encrypted.</summary>
public sealed record SecretsJourney(IReadOnlyDictionary<string, string> Secrets, IReadOnlySet<string> EncryptedTexts);

/// <summary>The rituals app (a fixed March 2027 clock) with Debug logs of every category captured; runs the journey once.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One fixture per test class, alive for the whole run.")]
public sealed class SecretsJourneyAppFixture() : RitualsAppFixture(March2027AppFixture.StartsAt)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private SecretsJourney? _journey;

    public CapturedLogs Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft"] = "Debug",
        // As shipped (appsettings.json): below Warning, ASP.NET Core's request and routing logs write every URL, and
        // URLs carry confirmation codes and calendar tokens. Known and left so: see the class summary.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Debug",
        ["Logging:LogLevel:Hangfire"] = "Debug",
        ["Logging:Console:LogLevel:Default"] = "Warning", // the test output stays readable; the capture sees Debug
    };

    public async Task<SecretsJourney> JourneyAsync()
    {
        await _once.WaitAsync();
        try
        {
            return _journey ??= await RunAsync();
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task<SecretsJourney> RunAsync()
    {
        var services = ClockedFactory.Services;
        services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
        var driver = ClockedDriver;
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        string Secret(string name, string value) => secrets[name] = value;

        // Register, confirm by the emailed link, log in, ask for a reset: through the static SSR forms.
        using var browser = new AppBrowser(ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var registration = new RegistrationForm { Password = Secret("password", "quiet-harbour-" + Guid.NewGuid().ToString("N")[..10]) };
        registration = registration with { ConfirmPassword = registration.Password };
        using (var registered = await registration.SubmitAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var confirmation = DevMailboxReader.ConfirmationLink(Assert.Single(driver.MailTo(registration.Email)));
        Secret("confirmation code", System.Web.HttpUtility.ParseQueryString(confirmation.Query)["code"]!);
        // Opened on another device (the browser that signed up would be signed in by the link, ADR 0031): this journey
        // signs in through the form below, so the password goes through every place it can.
        using (var otherDevice = new AppBrowser(ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })))
        using (var confirmed = await otherDevice.GetAsync(confirmation.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        await browser.LogInSuccessfullyAsync(registration.Email, registration.Password);
        using (var wrong = await browser.LogInAsync(registration.Email, Secret("mistyped password", "harbour-quiet-" + Guid.NewGuid().ToString("N")[..10])))
        {
        }

        using (var forgot = await browser.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = registration.Email }))
        {
            Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        }

        var resetMail = driver.MailTo(registration.Email).Single(mail => mail.HtmlBody?.Contains("ResetPassword", StringComparison.Ordinal) == true);
        Secret("reset code", Uri.UnescapeDataString(Regex.Match(resetMail.HtmlBody!, "ResetPassword\\?code=([^\"&]+)").Groups[1].Value));

        // Pair, check in, positives, gratitude, a monthly ritual with its texts, the calendar feed: through the services.
        var registered2 = (await Users.FindByEmailAsync(registration.Email))!;
        var alex = new TestPerson(registered2.Id, registration.Email, registration.DisplayName, registration.TimeZoneId);
        var sam = await driver.NewPersonAsync("Sam", "America/New_York");
        var couple = await driver.PairAsync(alex, sam);
        Secret("invite token", couple.Token);
        Secret("invite code", couple.Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        await driver.BothAnswerTodayAsync(couple, Secret("answer", "Our answer about the lighthouse " + Words()), Secret("partner answer", "The orchard at dusk " + Words()));
        await driver.LogPositiveAsync(sam, PositiveKind.KindWord, Secret("positive note", "Thank you for the soup " + Words()));
        await driver.WriteGratitudeAsync(alex, Secret("gratitude", "Grateful for the umbrella " + Words()));

        var form = await driver.RitualsAsync(alex, rituals => rituals.NewFormAsync(RitualTemplates.MonthlyReflection.Key));
        Assert.NotNull(form);
        form.Name = Secret("ritual name", "Lantern evening " + Words());
        form.Description = Secret("ritual description", "Blankets and chamomile " + Words());
        form.StartDate = new DateOnly(2027, 1, 10);
        var ritualId = await driver.CreateRitualAsync(alex, form);
        var february = new DateOnly(2027, 2, 7);
        await driver.MarkAsync(sam, ritualId, february, RitualOutcomeStatus.Done);
        await driver.WriteNoteAsync(sam, ritualId, february, Secret("ritual note", "Fog rolled in " + Words()));
        await driver.WriteReflectionAsync(alex, ritualId, new DateOnly(2027, 3, 7), Secret("went well", "Patience mostly " + Words()), Secret("goal", "Visit the orchard " + Words()));
        Assert.True((await driver.CallTimeOutAsync(alex)).Succeeded);
        var timeOutId = await driver.CurrentTimeOutIdAsync(alex);
        var noted = await driver.TimeOutsAsync(alex, timeOuts => timeOuts.SaveNoteAsync(timeOutId, Secret("time-out note", "Only mine, the kettle " + Words())));
        Assert.True(noted.Succeeded, noted.Error);

        // A need of Sam's, rewritten once (its old words kept), tried by Alex, who says how it went in the reflection.
        var needId = await driver.WriteNeedAsync(sam, Secret("need", "I feel close when we walk the orchard " + Words()));
        await driver.NeedOkAsync(sam, needs => needs.ReviseAsync(needId, Secret("need rewritten", "I feel close when we walk at dusk " + Words())));
        await driver.NeedOkAsync(alex, needs => needs.StartTryingAsync(needId));
        var answered = await driver.OccurrencesAsync(alex, occurrences => occurrences.WriteNeedAnswerAsync(ritualId, new DateOnly(2027, 3, 7), needId, Secret("need answer", "Two walks, both lovely " + Words())));
        Assert.True(answered.Succeeded, answered.Error);
        // A shared goal (its name and why) and a check-in on it.
        var goalId = await driver.SetGoalAsync(sam, Secret("goal name", "Walk the orchard weekly " + Words()), Secret("goal why", "We talk best walking " + Words()), Domain.Goals.GoalRhythm.Weekly);
        await driver.CheckInAsync(alex, goalId, Secret("goal check-in", "Two orchard walks done " + Words()));
        // A talk: its topic, what was said, the reflection, the "Not quite" note and one thing to try.
        var talk = await driver.TalksAsync(alex, talks => talks.ProposeAsync(new TalkProposalForm { Topic = Secret("talk topic", "Evenings together " + Words()), Now = true }));
        Assert.True(talk.Succeeded, talk.Error);
        var talkId = talk.Value;
        await driver.DoAsync(sam, talks => talks.AcceptAsync(talkId));
        await driver.DoAsync(alex, talks => talks.SpeakAsync(talkId, Secret("talk words", "I miss our walks " + Words())));
        await driver.DoAsync(sam, talks => talks.ReflectAsync(talkId, "You want to walk more"));
        await driver.DoAsync(alex, talks => talks.AnswerAsync(talkId, Domain.CheckIns.ReflectionVerdict.NotQuite, Secret("talk note", "More the time together " + Words())));
        await driver.DoAsync(sam, talks => talks.ReflectAsync(talkId, Secret("talk reflection", "You miss time with me " + Words())));
        await driver.DoAsync(alex, talks => talks.AnswerAsync(talkId, Domain.CheckIns.ReflectionVerdict.ThatsIt, null));
        await driver.DoAsync(sam, talks => talks.EndAsync(talkId));
        await driver.DoAsync(sam, talks => talks.NameNextStepAsync(talkId, Secret("talk next step", "I will plan a Sunday walk " + Words())));
        var moment = await Story.StoryTestKit.WriteMomentAsync(
            driver, alex, Secret("story title", "The orchard weekend " + Words()), new DateOnly(2021, 9, 4), Secret("story lines", "We got lost on purpose " + Words()), Secret("story rough time", "early autumn " + Words()[..8]));
        await Story.StoryTestKit.StoryOkAsync(driver, sam, story => story.WriteSideAsync(moment, Secret("story side", "I remember the apples " + Words())));

        // This week's temperature, both answered: a small gain and a wish each.
        await driver.AnswerTemperatureAsync(alex, 7, Secret("temperature gain", "The orchard picnic " + Words()), Secret("temperature wish", "A slow Sunday " + Words()));
        await driver.AnswerTemperatureAsync(sam, 6, "You made tea " + Words(), "An early night " + Words());

        await using (var scope = driver.AsUser(alex))
        {
            var feed = await scope.Get<CalendarFeedService>().CreateAsync();
            Assert.True(feed.Succeeded, feed.Error);
            var feedPath = new Uri(feed.Value!.Url).AbsolutePath;
            Secret("calendar token", feedPath[(feedPath.LastIndexOf('/') + 1)..].Replace(".ics", string.Empty, StringComparison.Ordinal));
            using var calendar = await browser.GetAsync(feedPath);
            Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        }

        var encrypted = new HashSet<string>(StringComparer.Ordinal)
        {
            "answer", "partner answer", "positive note", "gratitude", "ritual name", "ritual description", "ritual note", "went well", "goal",
            "need", "need rewritten", "need answer",
            "talk topic", "talk words", "talk note", "talk reflection", "talk next step",
            "time-out note",
            "temperature gain", "temperature wish",
        };
        return new SecretsJourney(secrets, encrypted);
    }

    private static string Words() => Guid.NewGuid().ToString("N")[..12];
}
