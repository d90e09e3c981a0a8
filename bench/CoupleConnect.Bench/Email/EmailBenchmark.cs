using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Bench.Email;

/// <summary>
/// Issue 8's email benchmark: the app's real sender against a real SMTP server on loopback (<see cref="SmtpSink"/>),
/// one reused connection per batch against a new connection per message, in the same run, interleaved; once with
/// plain SMTP + AUTH and once with STARTTLS + AUTH (what port 587 with Security=Auto does in production). Two levels:
/// the SMTP client alone (<see cref="SmtpMailSender"/>: a session for a batch vs SendAsync per message) and the whole
/// reminder outbox drained by <see cref="ReminderSender.SendDueAsync"/> from a database of N pending reminders.
/// </summary>
public static class EmailBenchmark
{
    public const string Summary = "reminder email sender vs a local SMTP sink: reused connection vs connect-per-message (issue 8)";

    private const string Usage = """
        Usage: CoupleConnect.Bench email [options]      (bench/email.sh sets up PostgreSQL for you)

          --server CONNSTR        PostgreSQL to use (default: $CC_BENCH_PG, else $CC_PG_CONNSTR). The benchmark creates
                                  its own database there (ccbench_email_*) and drops it afterwards; needs CREATEDB.
          --reminders N              pending reminders the outbox sender drains per timed run (default 2,000)
          --messages N            messages per timed run of the SMTP client alone (default 2,000)
          --rounds N              timed runs of each way, interleaved (default 3; the median is reported)
          --security LIST         none, starttls or both (default both): plain SMTP + AUTH, STARTTLS + AUTH
          --round-trip-ms N       put N ms of network round trip between the sender and the sink (default 0: plain
                                  loopback), through a user-space relay; with it, fewer messages keep a run short
                                  (e.g. --reminders 400 --messages 400)
          --tls-cert FILE         the sink's certificate (PEM) for STARTTLS; --tls-key FILE its key (PEM). The app's
                                  client validates it, so this process must trust it: bench/email.sh makes one for
                                  127.0.0.1, adds it to the trust bundle of this process only (SSL_CERT_FILE) and
                                  passes both in $CC_BENCH_EMAIL_TLS_CERT and $CC_BENCH_EMAIL_TLS_KEY
          --results FILE          write the Markdown results there
          --command TEXT          the command line to record in the results
          --note TEXT             a remark to record (e.g. "development run, machine busy")
          --revision TEXT         the code's revision to record (the script passes `git describe --always --dirty`)
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.HelpRequested)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var server = args.Value("server") ?? Environment.GetEnvironmentVariable("CC_BENCH_PG") ?? Environment.GetEnvironmentVariable("CC_PG_CONNSTR");
        var reminders = Math.Max(2, args.Number("reminders", 2_000) / 2 * 2);
        var messages = Math.Max(1, args.Number("messages", 2_000));
        var rounds = Math.Max(1, args.Number("rounds", 3));
        var securityText = args.Value("security") ?? "both";
        var roundTrip = TimeSpan.FromMilliseconds(Math.Max(0, args.Number("round-trip-ms", 0)));
        var certificatePath = args.Value("tls-cert") ?? Environment.GetEnvironmentVariable("CC_BENCH_EMAIL_TLS_CERT");
        var keyPath = args.Value("tls-key") ?? Environment.GetEnvironmentVariable("CC_BENCH_EMAIL_TLS_KEY");
        var resultsPath = args.Value("results");
        var command = args.Value("command") ?? "dotnet run -c Release --project bench/CoupleConnect.Bench -- email";
        var note = args.Value("note");
        var revision = args.Value("revision");
        args.RejectUnknown();

        if (string.IsNullOrWhiteSpace(server))
        {
            throw new BenchUsageException("No PostgreSQL given: pass --server, set CC_BENCH_PG, or run bench/email.sh (it starts one).");
        }

        SmtpSecurity[] securities = securityText switch
        {
            "both" => [SmtpSecurity.None, SmtpSecurity.StartTls],
            "none" => [SmtpSecurity.None],
            "starttls" => [SmtpSecurity.StartTls],
            _ => throw new BenchUsageException($"--security expects none, starttls or both, not '{securityText}'."),
        };

        if (securities.Contains(SmtpSecurity.StartTls) && (certificatePath is null || keyPath is null))
        {
            throw new BenchUsageException("STARTTLS needs --tls-cert and --tls-key (bench/email.sh makes them), or pass --security none.");
        }

        var started = DateTimeOffset.UtcNow;
        var loadAtStart = Machine.LoadAverage();
        Log($"Email benchmark: {Fmt.Count(reminders)} outbox reminders and {Fmt.Count(messages)} client-only messages per run, {rounds} rounds of each way, security {securityText}");

        await using var database = await BenchDatabase.OpenAsync(server, $"ccbench_email_{reminders}", keep: false);
        var machine = await Machine.DescribeAsync(database.DataSource);
        Log($"Seeding {Fmt.Count(reminders)} paired people with one outbox row each…");
        await EmailOutboxSeeder.SeedAsync(database.DataSource, reminders);

        var modes = new List<ModeFigures>();
        foreach (var security in securities)
        {
            using var certificate = security == SmtpSecurity.StartTls ? SinkCertificate(certificatePath!, keyPath!) : null;
            await using var sink = await SmtpSink.StartAsync(certificate, roundTrip);
            Log($"— {Describe(security)}: sink on 127.0.0.1:{sink.Port}{(roundTrip > TimeSpan.Zero ? $", {roundTrip.TotalMilliseconds:0} ms round trip away" : string.Empty)}");
            var client = await MeasureClientAsync(sink, security, messages, rounds);
            var outbox = await MeasureOutboxAsync(database, sink, security, reminders, rounds);
            modes.Add(new ModeFigures(security, client, outbox));
        }

        var outcome = new EmailOutcome(started, loadAtStart, Machine.LoadAverage(), command, note, revision, machine, reminders, messages, rounds, modes) { RoundTrip = roundTrip };
        Console.WriteLine();
        Console.WriteLine(outcome.ConsoleSummary());
        if (resultsPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!);
            await File.WriteAllTextAsync(resultsPath, outcome.Markdown());
            Log($"Results written to {resultsPath}");
        }

        return 0;
    }

    public static string Describe(SmtpSecurity security) => security == SmtpSecurity.StartTls ? "STARTTLS + AUTH" : "plain SMTP + AUTH";

    /// <summary>The SMTP client alone: the app's session (one connection for the batch) vs SendAsync (one per message).</summary>
    private static async Task<WayPair> MeasureClientAsync(SmtpSink sink, SmtpSecurity security, int messages, int rounds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(SenderApp.SmtpSettings(sink, security)).Build();
        var options = Options.Create(configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>()!);
        options.Value.FromAddress = "hello@" + SenderApp.MailDomain;
        var smtp = new SmtpMailSender(options, new MimeMessageFactory(options, TimeProvider.System), NullLogger<SmtpMailSender>.Instance);
        var batch = Enumerable.Range(0, messages).Select(SampleReminder).ToList();

        async Task<Run> ReusedAsync(IReadOnlyList<EmailMessage> mail)
        {
            sink.Reset();
            var timer = Stopwatch.StartNew();
            await using (var session = await smtp.OpenAsync())
            {
                foreach (var message in mail)
                {
                    var sent = await session.SendAsync(message);
                    if (sent.Outcome != MailSendOutcome.Delivered)
                    {
                        throw new InvalidOperationException($"The sink did not take a message: {sent.Outcome} {sent.Error}");
                    }
                }
            }

            return Check(sink, timer.Elapsed, mail.Select(message => message.MessageId!).ToList());
        }

        async Task<Run> NaiveAsync(IReadOnlyList<EmailMessage> mail)
        {
            sink.Reset();
            var timer = Stopwatch.StartNew();
            foreach (var message in mail)
            {
                await smtp.SendAsync(message);
            }

            return Check(sink, timer.Elapsed, mail.Select(message => message.MessageId!).ToList());
        }

        Log($"  SMTP client alone: warm-up, then {rounds} × {Fmt.Count(messages)} messages each way…");
        await ReusedAsync(batch.Take(200).ToList());
        await NaiveAsync(batch.Take(200).ToList());
        var reused = new List<Run>();
        var naive = new List<Run>();
        for (var round = 0; round < rounds; round++)
        {
            reused.Add(await ReusedAsync(batch));
            naive.Add(await NaiveAsync(batch));
            Log($"    round {round + 1}: reused {Rate(reused[^1])}, connect-per-message {Rate(naive[^1])}");
        }

        return new WayPair(reused, naive);
    }

    /// <summary>The whole outbox drain: <see cref="ReminderSender.SendDueAsync"/> as the minutely job runs it, each way.</summary>
    private static async Task<WayPair> MeasureOutboxAsync(BenchDatabase database, SmtpSink sink, SmtpSecurity security, int reminders, int rounds)
    {
        await using var reusedApp = SenderApp.Create(database.ConnectionString, sink, security, connectPerMessage: false);
        await using var naiveApp = SenderApp.Create(database.ConnectionString, sink, security, connectPerMessage: true);

        async Task<Run> DrainAsync(SenderApp app, int pending)
        {
            var ids = await EmailOutboxSeeder.ResetAsync(database.DataSource, pending);
            sink.Reset();
            var timer = Stopwatch.StartNew();
            var result = await app.Sender.SendDueAsync();
            var elapsed = timer.Elapsed;
            if (result != new ReminderSendResult(ids.Count, 0, 0, 0) || await EmailOutboxSeeder.SentCountAsync(database.DataSource) != ids.Count)
            {
                throw new InvalidOperationException($"The sender did not send every pending reminder: {result} for {ids.Count} pending.");
            }

            return Check(sink, elapsed, ids.Select(id => ReminderEmails.MessageIdFor(id, SenderApp.MailDomain)).ToList());
        }

        Log($"  Outbox drained by ReminderSender: warm-up, then {rounds} × {Fmt.Count(reminders)} pending reminders each way…");
        await DrainAsync(reusedApp, 200);
        await DrainAsync(naiveApp, 200);
        var reused = new List<Run>();
        var naive = new List<Run>();
        for (var round = 0; round < rounds; round++)
        {
            reused.Add(await DrainAsync(reusedApp, reminders));
            naive.Add(await DrainAsync(naiveApp, reminders));
            Log($"    round {round + 1}: reused {Rate(reused[^1])} over {reused[^1].Sessions} connections, connect-per-message {Rate(naive[^1])} over {naive[^1].Sessions}");
        }

        return new WayPair(reused, naive);
    }

    /// <summary>Every expected Message-ID arrived exactly once, and nothing else did.</summary>
    private static Run Check(SmtpSink sink, TimeSpan elapsed, List<string> expectedIds)
    {
        var missing = expectedIds.Count(id => !sink.Received(id, out _));
        if (missing > 0 || sink.Duplicates > 0 || sink.Messages != expectedIds.Count)
        {
            throw new InvalidOperationException($"The sink received {sink.Messages} messages for {expectedIds.Count} sent: {missing} missing, {sink.Duplicates} duplicated.");
        }

        return new Run(expectedIds.Count, elapsed, sink.Sessions);
    }

    /// <summary>A reminder email as the sender composes it: real layout, question, links and unsubscribe headers.</summary>
    private static EmailMessage SampleReminder(int index)
    {
        var question = QuestionBank.All[index % QuestionBank.All.Count];
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(160)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return ReminderEmails.Compose(new ReminderEmailFacts(
            1_000_000 + index,
            index % 2 == 0 ? ReminderKind.DailyQuestion : ReminderKind.EveningGratitude,
            string.Create(CultureInfo.InvariantCulture, $"person{index}@example.test"),
            "Alex",
            "Sam",
            new Uri($"https://{SenderApp.MailDomain}/"),
            token,
            $"hello@{SenderApp.MailDomain}")
        {
            Question = new QuestionEmailFacts(new DateOnly(2026, 12, 1), question.Text),
        });
    }

    /// <summary>The sink's certificate with its key, loaded as SslStream on Linux wants it (through PKCS#12).</summary>
    private static X509Certificate2 SinkCertificate(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static string Rate(Run run) => Fmt.Number(run.PerSecond, "N0") + " msg/s";

    private static void Log(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}

/// <summary>One timed run: messages, wall time, SMTP connections the sink saw.</summary>
public sealed record Run(int Messages, TimeSpan Elapsed, int Sessions)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}

/// <summary>The reused-connection runs and the connect-per-message runs of one level, interleaved.</summary>
public sealed record WayPair(IReadOnlyList<Run> Reused, IReadOnlyList<Run> Naive)
{
    public Run ReusedMedian => Median(Reused);

    public Run NaiveMedian => Median(Naive);

    public double Ratio => ReusedMedian.PerSecond / NaiveMedian.PerSecond;

    private static Run Median(IReadOnlyList<Run> runs) => runs.OrderBy(run => run.PerSecond).ElementAt(runs.Count / 2);
}

public sealed record ModeFigures(SmtpSecurity Security, WayPair Client, WayPair Outbox);
