using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Npgsql;

namespace CoupleConnect.Bench;

/// <summary>What the figures were measured on: written next to them, since a figure without its machine means little.</summary>
public sealed record Machine(
    string Cpu,
    int LogicalCores,
    string Memory,
    string OperatingSystem,
    string DotNet,
    string PostgreSql,
    IReadOnlyList<(string Name, string Value)> PostgreSqlSettings)
{
    /// <summary>Settings that move write-heavy figures the most.</summary>
    private static readonly string[] InterestingSettings =
        ["shared_buffers", "work_mem", "maintenance_work_mem", "fsync", "synchronous_commit", "full_page_writes", "wal_level", "max_wal_size", "checkpoint_timeout", "jit"];

    public static async Task<Machine> DescribeAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        string postgres;
        await using (var version = new NpgsqlCommand("SELECT version()", connection))
        {
            postgres = (string)(await version.ExecuteScalarAsync())!;
        }

        var settings = new List<(string, string)>();
        foreach (var name in InterestingSettings)
        {
            await using var show = new NpgsqlCommand("SELECT current_setting(@name, true)", connection);
            show.Parameters.AddWithValue("name", name);
            settings.Add((name, await show.ExecuteScalarAsync() as string ?? "?"));
        }

        var gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        return new Machine(
            CpuModel(),
            Environment.ProcessorCount,
            TotalMemory(),
            OperatingSystemName(),
            $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}, {gc})",
            postgres,
            settings);
    }

    /// <summary>The 1-minute load average, to show how busy the machine was (Linux only).</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string CpuModel()
    {
        var lines = ReadLines("/proc/cpuinfo");
        var model = lines.Select(line => line.Split(':', 2)).FirstOrDefault(parts => parts.Length == 2 && parts[0].Trim() == "model name")?[1].Trim();
        var mhz = lines.Select(line => line.Split(':', 2)).FirstOrDefault(parts => parts.Length == 2 && parts[0].Trim() == "cpu MHz")?[1].Trim();
        var name = model ?? RuntimeInformation.ProcessArchitecture.ToString();
        return mhz is null ? name : $"{name} (@ {mhz} MHz)";
    }

    private static string TotalMemory()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(line => line.StartsWith("MemTotal:", StringComparison.Ordinal));
        if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:0.0} GiB");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0:0.0} GiB (as .NET sees it)");
    }

    private static string OperatingSystemName()
    {
        var pretty = ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"');
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault();
        return pretty is null ? RuntimeInformation.OSDescription : $"{pretty}, kernel {kernel}";
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
