using System.Globalization;
using System.Text;

namespace CoupleConnect.Bench.Reliability;

public sealed record CrashRun(
    Machine Machine,
    string Command,
    string? Revision,
    string? Note,
    int Due,
    int Kills,
    int DispatchKills,
    int Seed,
    int DispatchBatch,
    int LeaseSeconds,
    DateTimeOffset DueAt,
    TimeSpan Total,
    TimeSpan FinalDrain,
    int Starts,
    string LoadAtStart,
    string LoadAtEnd,
    IReadOnlyList<KillRecord> Records,
    OutboxCounts Final,
    SinkVerdict Verdict);

/// <summary>The console summary and the Markdown results file of a crash run.</summary>
public static class CrashReport
{
    public static (string Summary, string Markdown) Build(CrashRun run)
    {
        var v = run.Verdict;
        var sendKills = run.Records.Count(record => record.LandedIn.StartsWith("send", StringComparison.Ordinal) || record.LandedIn.Contains("+ send", StringComparison.Ordinal));
        var dispatchKills = run.Records.Count(record => record.LandedIn.StartsWith("dispatch", StringComparison.Ordinal));
        var summary = string.Create(CultureInfo.InvariantCulture, $"""
            {run.Records.Count} kills ({dispatchKills} in dispatch, {sendKills} while sending), {run.Starts} starts, {Fmt.Seconds(run.Total)} in all
            due {Fmt.Count(v.DueRows)}: lost {Fmt.Count(v.Lost)} (never dispatched {v.NeverDispatched}, not sent {v.NotSent}, marked sent but not at the sink {v.SentButNotReceived})
            sink: {Fmt.Count(v.ReceivedMessages)} messages, {Fmt.Count(v.DistinctReceived)} distinct Message-IDs, {Fmt.Count(v.Duplicates)} duplicates, {v.Unknown} not from the outbox
            """);

        var md = new StringBuilder();
        md.AppendLine("# Crash benchmark: kill -9 during dispatch and send");
        md.AppendLine();
        md.AppendLine("Issue 8, item 5. The real app (published Release build, its own process) dispatches and sends reminders to an");
        md.AppendLine("SMTP sink in another process that writes every accepted message's Message-ID to a file before it answers 250;");
        md.AppendLine("the app is killed with SIGKILL at random points of dispatch and of sending, restarted each time, and at the");
        md.AppendLine("end every due row is looked up at the sink by its Message-ID (`reminder-<outbox id>@…`). Produced by `bench/crash.sh`.");
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

        md.AppendLine(CultureInfo.InvariantCulture, $"- Random seed: {run.Seed} (`--seed {run.Seed}` repeats the same kill delays; where they land still depends on timing)");
        md.AppendLine();
        ResultsMarkdown.AppendMachine(md, run.Machine);
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine("| Target | Figure | Verdict |");
        md.AppendLine("|---|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| 50 kills at random points of dispatch and send, restarting each time | {run.Records.Count} kills: {dispatchKills} in dispatch, {sendKills} while sending; {run.Starts} starts | {(run.Records.Count >= run.Kills ? "**MET**" : "**MISSED**")} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| 0 lost: every one of the {Fmt.Count(v.DueRows)} due reminders sent and at the sink | {Fmt.Count(v.Lost)} lost (never dispatched {v.NeverDispatched}, left unsent {v.NotSent}, marked sent but not at the sink {v.SentButNotReceived}) | {(v.Lost == 0 ? "**MET**" : "**MISSED**")} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| 0 duplicates (or counted and explained where SMTP makes them unavoidable) | {Fmt.Count(v.Duplicates)} duplicate deliveries of {v.DuplicatedIds.Count} Message-IDs | {(v.Duplicates == 0 ? "**MET**" : v.Duplicates <= sendKills ? "counted: see below" : "**MISSED**")} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| nothing at the sink that is not an outbox row | {v.Unknown} | {(v.Unknown == 0 ? "**MET**" : "**MISSED**")} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"The sink accepted {Fmt.Count(v.ReceivedMessages)} messages carrying {Fmt.Count(v.DistinctReceived)} distinct Message-IDs; the outbox holds {Fmt.Count(v.OutboxRows)} rows, {Fmt.Count(v.SentRows)} of the due ones Sent ({v.Failed} failed, {v.Skipped} skipped). The whole run took {Fmt.Seconds(run.Total)}, the last start {Fmt.Seconds(run.FinalDrain)} to finish what was left (it first waits out the leases of killed senders).");
        md.AppendLine();
        md.AppendLine("### Why the duplicates happen, and what would make them rarer");
        md.AppendLine();
        md.AppendLine("Each duplicate is a message the sink accepted twice with the same Message-ID, never a different message. The");
        md.AppendLine("sender sends one message at a time: renew its lease on the row (a commit), send it (DATA, the server answers");
        md.AppendLine("250), mark the row Sent (another commit). A kill after the server's 250 and before that UPDATE's commit");
        md.AppendLine("returns leaves a row the server accepted but the database still holds Pending, and when its lease runs out the");
        md.AppendLine("next sender sends it again. SMTP has no two-phase commit, so no sender can close that window: delivery is");
        md.AppendLine("at-least-once, at most one repeated message per running sender per crash, and the repeat carries the same");
        md.AppendLine("Message-ID (it derives from the outbox id), so a receiving system that dedupes by Message-ID shows it once.");
        md.AppendLine("The alternative, marking the row before sending, would turn each of these into a lost reminder instead.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"How wide the window is: the mark commits with `SET LOCAL synchronous_commit = off` (since 61c9dba; the mark only means \"do not send again\", so losing it in a database crash can only cause the same kind of repeat, never a loss), so it is one round trip to PostgreSQL after the 250, not a WAL flush. {Fmt.Count(v.Duplicates)} of the {sendKills} kills that landed while sending fell into it (at most one per kill: {Fmt.Count(v.Duplicates)} ≤ {sendKills}; each repeated Message-ID arrived exactly twice). The run at 8bdd7e9, before that change, repeated 36 messages in 45 such kills: then the mark waited for the disk, a large part of each message's time. In production a crash is a rare event, so this is at most one repeated email per crash and sender.");
        md.AppendLine();
        md.AppendLine("Kills elsewhere lose and repeat nothing: a dispatch transaction killed midway rolls back whole and its schedule");
        md.AppendLine("rows are claimed again; the outbox's unique key (user, kind, local date) makes a repeated dispatch insert nothing;");
        md.AppendLine("rows claimed by a killed sender wait for their lease and are then sent by the next one.");
        if (v.DuplicatedIds.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Duplicated here: {string.Join(", ", v.DuplicatedIds.Select(pair => $"`{pair.MessageId}` ×{pair.Times}"))}.");
        }

        md.AppendLine();
        md.AppendLine("## How the run is set up");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- A throwaway PostgreSQL cluster with production durability (fsync, synchronous commit and full page writes on); {Fmt.Count(2 * run.Due)} people seeded set-based by the dispatcher benchmark's `ReminderSeeder`, {Fmt.Count(run.Due)} of them with a reminder due at {run.DueAt:u} — the real minute the run started, so the app's real clock finds them due; every other schedule row is pushed two days out.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- The app runs its real recurring jobs, only more often: `CoupleConnect:Reminders:JobsCron` = `*/5 * * * * *` and `CoupleConnect:Jobs:PollIntervalSeconds` = 1 (production: every minute, Hangfire's 15 s polling), so 50 restarts fit in minutes instead of an hour. Dispatcher batches of {run.DispatchBatch} rows (production 5,000) give a kill more transactions to land in; the sender's lease is {run.LeaseSeconds} s (production 300 s), so rows claimed by a killed sender are taken again within the run.");
        md.AppendLine("- Each cycle: start the app, wait for /health/ready, watch the committed counts until this process is seen dispatching (an aim at dispatch, while rows are still undispatched) or sending, wait a random delay (0–400 ms into dispatch, 0–2.5 s into sending), note the counts and the app's busy database sessions (`pg_stat_activity`), SIGKILL, note the committed counts again. After the last kill the app is started once more and left to finish.");
        md.AppendLine();
        md.AppendLine("## Where each kill landed");
        md.AppendLine();
        md.AppendLine("Counts are committed rows, read just before the kill and once the process was gone (after: what survived).");
        md.AppendLine();
        md.AppendLine("| # | aimed at | delay | s after start | landed in | undispatched before → after | pending after | sent before → after | app's busy DB sessions just before |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var record in run.Records)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {record.Number} | {record.Aim} | {record.DelayMs} ms | {record.SecondsAfterStart:0.0} | {record.LandedIn} | {Fmt.Count(record.Before.Undispatched)} → {Fmt.Count(record.After.Undispatched)} | {Fmt.Count(record.After.Pending)} | {Fmt.Count(record.Before.Sent)} → {Fmt.Count(record.After.Sent)} | {record.Sessions.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        return (summary, md.ToString());
    }
}
