using System.Globalization;
using System.Text;

namespace CoupleConnect.Bench;

/// <summary>The opening every results file shares: when, which command and code, how busy the machine was, and on what.</summary>
public static class ResultsMarkdown
{
    public static void AppendRun(StringBuilder md, DateTimeOffset started, string command, string? revision, string loadAtStart, string loadAtEnd)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date: {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Code: {revision ?? "unknown revision"}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1, 5, 15 min): {loadAtStart} at the start, {loadAtEnd} at the end");
    }

    /// <summary>
    /// A warning for the top of the results when other work shared the CPU, null on a quiet machine. Before the run,
    /// anything runnable is other work; at the end the benchmark itself counts (about one).
    /// </summary>
    public static string? BusyRemark(int cores, string loadAtStart, string loadAtEnd, string figures)
    {
        static double First(string load) => double.TryParse(load.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return First(loadAtStart) > 0.5 * cores || First(loadAtEnd) > cores
            ? $"Development run, machine busy: load average {loadAtStart} at the start and {loadAtEnd} at the end on {cores} cores (other work shared the CPU), so the {figures} are pessimistic; repeat on a quiet machine for the record."
            : null;
    }

    /// <summary>The "## Machine" table, with a benchmark's own rows (e.g. its SMTP sink) after the machine's.</summary>
    public static void AppendMachine(StringBuilder md, Machine machine, params string[] extraRows)
    {
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| CPU | {machine.Cpu}, {machine.LogicalCores} logical cores |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| RAM | {machine.Memory} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| OS | {machine.OperatingSystem} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| .NET | {machine.DotNet} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL | {machine.PostgreSql} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL settings | {string.Join(", ", machine.PostgreSqlSettings.Select(setting => $"{setting.Name}={setting.Value}"))} |");
        foreach (var row in extraRows)
        {
            md.AppendLine(row);
        }

        md.AppendLine();
    }
}
