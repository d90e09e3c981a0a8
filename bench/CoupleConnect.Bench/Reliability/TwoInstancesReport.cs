using System.Globalization;
using System.Text;

namespace CoupleConnect.Bench.Reliability;

public sealed record TwoInstancesRun(
    Machine Machine,
    string Command,
    string? Revision,
    string? Note,
    int People,
    long Reminders,
    TimeSpan Window,
    TimeSpan StopAt,
    DateTimeOffset WindowStart,
    DateTimeOffset DoneAt,
    TimeSpan Total,
    string LoadAtStart,
    string LoadAtEnd,
    IReadOnlyList<Check> Checks,
    string StoppedInstance,
    string SurvivingInstance,
    TimeSpan StopTook,
    bool StoppedGracefully,
    long UndispatchedAtStop,
    long PendingAtStop);

public static class TwoInstancesReport
{
    public static string Markdown(TwoInstancesRun run)
    {
        var md = new StringBuilder();
        md.AppendLine("# Two instances behind nginx");
        md.AppendLine();
        md.AppendLine("Issue 8, item 6. Two app processes (the published Release build) on two loopback ports against one PostgreSQL,");
        md.AppendLine("behind Debian's nginx running the shipped `deploy/nginx/coupleconnect.conf` (only its `listen` line and its");
        md.AppendLine("upstream's `server` lines rewritten to loopback ports), an SMTP sink in a third process, Debian's Chromium for the");
        md.AppendLine("two partners' phones. Produced by `bench/two-instances.sh`.");
        md.AppendLine();
        if (ResultsMarkdown.BusyRemark(run.Machine.LogicalCores, run.LoadAtStart, run.LoadAtEnd, "timings") is { } busy)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> **{busy}**");
            md.AppendLine();
        }

        ResultsMarkdown.AppendRun(md, DateTimeOffset.UtcNow, run.Command, run.Revision, run.LoadAtStart, run.LoadAtEnd);
        if (run.Note is { Length: > 0 })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Note: {run.Note}");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Whole run: {Fmt.Seconds(run.Total)}");
        md.AppendLine();
        ResultsMarkdown.AppendMachine(md, run.Machine);
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine("| Target | Figure | Verdict |");
        md.AppendLine("|---|---|---|");
        foreach (var check in run.Checks)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {check.Target} | {check.Figure.Replace("|", "\\|", StringComparison.Ordinal)} | {(check.Passed ? "**MET**" : "**MISSED**")} |");
        }

        md.AppendLine();
        md.AppendLine("## The simulated day");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{Fmt.Count(run.People)} people in couples across 30 zones (the dispatcher benchmark's `ReminderSeeder`); each one's every daily reminder — the morning question and the evening gratitude, for those who have them on — {Fmt.Count(run.Reminders)} in all, was made due at a random instant of a {run.Window.TotalSeconds:0}-second window ({run.WindowStart:HH:mm:ss}–{run.WindowStart + run.Window:HH:mm:ss} UTC). That is the honest compression the app permits: it runs on the real clock, so a day's reminders are given the due times of a few minutes, and both instances run the real recurring jobs every 5 s instead of every minute (`CoupleConnect:Reminders:JobsCron` = `*/5 * * * * *`, `CoupleConnect:Jobs:PollIntervalSeconds` = 1). The sender's lease is 30 s (production 300 s), so rows the stopped instance had claimed are taken over within the run. Both instances run a Hangfire server on the same storage; dispatch and send are claimed with `FOR UPDATE SKIP LOCKED`.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{run.StopAt.TotalSeconds:0} s into the window, {run.StoppedInstance} — the instance serving Sam's dashboard through nginx — was stopped ({(run.StoppedGracefully ? $"SIGTERM: the app's graceful shutdown, which took {Fmt.Seconds(run.StopTook)}" : $"SIGTERM, and SIGKILL after 60 s because it had not exited by then")}), with {Fmt.Count(run.UndispatchedAtStop)} reminders of the day not yet dispatched and {Fmt.Count(run.PendingAtStop)} waiting to be sent. {run.SurvivingInstance} did the rest of the day alone; the last reminder was done at {run.DoneAt:HH:mm:ss} UTC. Every outbox row is looked up at the sink by its Message-ID (`reminder-<outbox id>@…`).");
        md.AppendLine();
        md.AppendLine("## How each check is made");
        md.AppendLine();
        md.AppendLine("- **Login cookie**: Person 1 signs in over HTTP straight to instance A's port (the static login form with its antiforgery token); the auth cookie alone is then sent to B's port (`GET /Account/Manage`: 200), to A's (200), and B without it redirects to the login page. Data Protection keys live in PostgreSQL, so both instances read each other's cookies.");
        md.AppendLine("- **Forwarded headers**: that sign-in carries `X-Forwarded-Proto: https`; the cookie comes back `Secure` (the cookie policy is \"same as request\"), so the app took the request as HTTPS from the header. nginx sets `X-Forwarded-For`/`-Proto`/`-Host` and passes `Host`.");
        md.AppendLine("- **Live across instances**: Sam (Person 2) signs in through nginx in Chromium (390×844 phone); nginx's access log (`$upstream_addr` of `/_blazor/negotiate`) says which instance holds Sam's circuit. Alex (Person 1) signs in on the *other* instance's own port and logs a positive with a note; the note appears in Sam's open \"Noticed lately\" feed without a reload (PostgreSQL LISTEN/NOTIFY carries it between instances).");
        md.AppendLine("- **Failover**: the instance holding Sam's circuit is stopped. The reconnect UI's states are recorded in the page (`components-reconnect-state-changed`); the circuit cannot move to the other instance (it lived in the stopped one's memory), so the other instance rejects the reconnect and the app's reconnect script reloads the page, which nginx's hash now sends to the live instance (`proxy_next_upstream`). Then Alex logs another positive and it appears live on Sam's reloaded dashboard.");
        md.AppendLine("- **Reminders**: every scheduled reminder of the day must have its outbox row and every Sent row its Message-ID at the sink, exactly once.");
        md.AppendLine();
        md.AppendLine("![Sam's dashboard after the failover](two-instances-after-failover.png)");
        return md.ToString();
    }
}
