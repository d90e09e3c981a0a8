using System.Globalization;
using System.Text;

namespace CoupleConnect.Bench.Email;

/// <summary>The email benchmark's figures, printed and written as bench/results/email.md.</summary>
public sealed record EmailOutcome(
    DateTimeOffset Started,
    string LoadAtStart,
    string LoadAtEnd,
    string Command,
    string? Note,
    string? Revision,
    Machine Machine,
    int Reminders,
    int Messages,
    int Rounds,
    IReadOnlyList<ModeFigures> Modes)
{
    private const double RateTarget = 200;
    private const double RatioTarget = 10;

    /// <summary>The network round trip put between the sender and the sink (zero: plain loopback).</summary>
    public TimeSpan RoundTrip { get; init; }

    private bool OverANetwork => RoundTrip > TimeSpan.Zero;

    private string Distance => OverANetwork ? $"{RoundTrip.TotalMilliseconds:0} ms round trip" : "loopback";

    private string? AutoNote => ResultsMarkdown.BusyRemark(Machine.LogicalCores, LoadAtStart, LoadAtEnd, "rates");

    public string ConsoleSummary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"=== Email benchmark ({Distance}) ===");
        foreach (var mode in Modes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{EmailBenchmark.Describe(mode.Security)}:");
            text.AppendLine(CultureInfo.InvariantCulture, $"  outbox (ReminderSender, {Fmt.Count(Reminders)} reminders): reused {Rate(mode.Outbox.ReusedMedian)} ({mode.Outbox.ReusedMedian.Sessions} connections), connect-per-message {Rate(mode.Outbox.NaiveMedian)} → {Fmt.Times(mode.Outbox.Ratio)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  SMTP client alone ({Fmt.Count(Messages)} messages): reused {Rate(mode.Client.ReusedMedian)}, connect-per-message {Rate(mode.Client.NaiveMedian)} → {Fmt.Times(mode.Client.Ratio)}");
        }

        foreach (var (target, figure, verdict) in Targets())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{verdict,-6} {target}: {figure}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Load average: {LoadAtStart} at the start, {LoadAtEnd} at the end");
        if (AutoNote is { } busy)
        {
            text.AppendLine(busy);
        }

        return text.ToString().TrimEnd();
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(OverANetwork ? $"# Email benchmark over a {Distance}" : "# Email benchmark");
        md.AppendLine();
        md.AppendLine("Issue 8, item 2: the reminder sender against a local SMTP sink, one reused connection per batch vs a new connection");
        md.AppendLine("per message, in the same run: targets **≥ 200 messages/s** and **≥ 10×** the naive way. Produced by `bench/email.sh`.");
        if (OverANetwork)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"This run puts a {Distance} between the sender and the sink (`--round-trip-ms`), as the network to a mail");
            md.AppendLine("provider does; `email.md` is the same benchmark on plain loopback.");
        }
        md.AppendLine();
        foreach (var remark in new[] { Note, AutoNote }.Where(remark => !string.IsNullOrWhiteSpace(remark)))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> **{remark}**");
            md.AppendLine();
        }

        ResultsMarkdown.AppendRun(md, Started, Command, Revision, LoadAtStart, LoadAtEnd);
        md.AppendLine();
        ResultsMarkdown.AppendMachine(
            md,
            Machine,
            "| SMTP sink | the SmtpServer package (11.1) in the benchmark's process on 127.0.0.1, AUTH required; STARTTLS with a self-signed RSA-2048 certificate made by `bench/email.sh` (openssl) and trusted by the benchmark process only |",
            OverANetwork
                ? $"| Network | {Distance} added by `LatencyRelay` (user space, in the benchmark's process: each direction holds every chunk for half the round trip; this kernel has no netem) |"
                : "| Network | loopback, no latency added |");
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine("| Target | Figure | Verdict |");
        md.AppendLine("|---|---|---|");
        foreach (var (target, figure, verdict) in Targets())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {figure} | **{verdict}** |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Medians of {Rounds} timed runs of each way, interleaved, after a warm-up of 200 messages each way.");
        md.AppendLine();
        md.AppendLine("| Security | Level | Reused connection | Connect per message | Ratio | Connections (reused / naive) |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var mode in Modes)
        {
            foreach (var (level, pair) in new[] { ($"outbox: `ReminderSender.SendDueAsync`, {Fmt.Count(Reminders)} pending reminders", mode.Outbox), ($"SMTP client alone: `SmtpMailSender`, {Fmt.Count(Messages)} messages", mode.Client) })
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {EmailBenchmark.Describe(mode.Security)} | {level} | {Rate(pair.ReusedMedian)} ({Fmt.Seconds(pair.ReusedMedian.Elapsed)}) | {Rate(pair.NaiveMedian)} ({Fmt.Seconds(pair.NaiveMedian.Elapsed)}) | {Fmt.Times(pair.Ratio)} | {Fmt.Count(pair.ReusedMedian.Sessions)} / {Fmt.Count(pair.NaiveMedian.Sessions)} |");
            }
        }

        md.AppendLine();
        md.AppendLine("Every run, in messages/s (reused; connect per message):");
        md.AppendLine();
        foreach (var mode in Modes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {EmailBenchmark.Describe(mode.Security)}, outbox: {Runs(mode.Outbox.Reused)}; {Runs(mode.Outbox.Naive)}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {EmailBenchmark.Describe(mode.Security)}, client alone: {Runs(mode.Client.Reused)}; {Runs(mode.Client.Naive)}");
        }

        md.AppendLine();
        md.AppendLine("## How the figures are taken");
        md.AppendLine();
        md.AppendLine("- **The sink** is a real SMTP server on loopback TCP (the SmtpServer package the integration tests use): greeting,");
        md.AppendLine("  EHLO, STARTTLS when offered and asked for, AUTH PLAIN/LOGIN (required), MAIL, RCPT, DATA, QUIT. It keeps only each");
        md.AppendLine("  message's Message-ID; after every run the benchmark checks that every expected Message-ID arrived exactly once");
        md.AppendLine("  and nothing else did, and that the outbox rows are all marked Sent.");
        md.AppendLine("- **Outbox**: a database migrated by the app's own migrations holds N paired, confirmed people, each with one");
        md.AppendLine("  Pending outbox row (half the morning question, half the evening gratitude reminder), due a minute ago. The app's");
        md.AppendLine("  `ReminderSender`, wired by the app's `AddDatabase`/`AddEmail`/`AddReminders` with `Security=None` or `StartTls` and a");
        md.AppendLine("  user name and password, drains it with one `SendDueAsync` call, as the minutely job does: claim 200 rows");
        md.AppendLine("  (`FOR UPDATE SKIP LOCKED`), re-check the skip rules, create the day's question, compose each email, renew");
        md.AppendLine("  each row's lease, send, mark it Sent, then the next 200. The naive way is the same sender with an");
        md.AppendLine("  `IMailBatchSender` that connects for every message through the app's `SmtpMailSender.SendAsync` (connect,");
        md.AppendLine("  EHLO, [STARTTLS, EHLO,] AUTH, send, QUIT). Before each run the rows go back to Pending and the day's questions");
        md.AppendLine("  are deleted, then `VACUUM ANALYZE`.");
        md.AppendLine("- **SMTP client alone**: the same comparison without the database: one `SmtpMailSender.OpenAsync` session");
        md.AppendLine("  for all messages vs `SmtpMailSender.SendAsync` per message, with reminder emails as `ReminderEmails.Compose`");
        md.AppendLine("  writes them (HTML and text, unsubscribe headers, about 6 KB each).");
        md.AppendLine("- The sink and the sender share the process and the machine's cores, and PostgreSQL runs on the same machine.");
        if (OverANetwork)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **The {Distance}** is a relay on loopback between the sender and the sink that delays every chunk by half");
            md.AppendLine("  the round trip each way (bandwidth is not limited). A reused connection pays it for each message's commands");
            md.AppendLine("  and its 250; a new connection also pays it for TCP's handshake, the greeting, EHLO, STARTTLS and the TLS");
            md.AppendLine("  handshake, EHLO again, AUTH and QUIT. PostgreSQL stays on plain loopback.");
        }
        else
        {
            md.AppendLine("- Loopback has no network latency, so the naive way pays only the CPU of connecting, TLS and AUTH; a run with");
            md.AppendLine("  `--round-trip-ms` (bench/results/email-latency.md) adds the round trips a real provider costs.");
        }
        return md.ToString();
    }

    private IEnumerable<(string Target, string Figure, string Verdict)> Targets()
    {
        foreach (var mode in Modes)
        {
            var security = EmailBenchmark.Describe(mode.Security);
            yield return ($"≥ {RateTarget:0} messages/s, outbox drained by the sender, {security}", Rate(mode.Outbox.ReusedMedian), mode.Outbox.ReusedMedian.PerSecond >= RateTarget ? "met" : "missed");
            yield return ($"≥ {RatioTarget:0}× connect-per-message, outbox, {security}", Fmt.Times(mode.Outbox.Ratio), mode.Outbox.Ratio >= RatioTarget ? "met" : "missed");
            yield return ($"≥ {RatioTarget:0}× connect-per-message, SMTP client alone, {security}", Fmt.Times(mode.Client.Ratio), mode.Client.Ratio >= RatioTarget ? "met" : "missed");
        }
    }

    private static string Rate(Run run) => Fmt.Number(run.PerSecond, "N0") + " msg/s";

    private static string Runs(IReadOnlyList<Run> runs) => string.Join(", ", runs.Select(run => Fmt.Number(run.PerSecond, "N0")));
}
