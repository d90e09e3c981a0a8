using CoupleConnect.Bench;
using CoupleConnect.Bench.Circuits;
using CoupleConnect.Bench.Dashboard;
using CoupleConnect.Bench.Email;
using CoupleConnect.Bench.ReminderDispatch;
using CoupleConnect.Bench.Reliability;

// One executable, one subcommand per benchmark:  dotnet run -c Release --project bench/CoupleConnect.Bench -- <name> [options]
var benchmarks = new Dictionary<string, (string Summary, Func<BenchArgs, Task<int>> Run)>(StringComparer.Ordinal)
{
    ["reminder-dispatch"] = (ReminderDispatchBenchmark.Summary, ReminderDispatchBenchmark.RunAsync),
    ["dashboard"] = (DashboardBenchmark.Summary, DashboardBenchmark.RunAsync),
    ["email"] = (EmailBenchmark.Summary, EmailBenchmark.RunAsync),
    ["circuits"] = (CircuitsBenchmark.Summary, CircuitsBenchmark.RunAsync),
    ["crash"] = (CrashBenchmark.Summary, CrashBenchmark.RunAsync),
    ["two-instances"] = (TwoInstancesBenchmark.Summary, TwoInstancesBenchmark.RunAsync),
    ["smtp-sink"] = (CoupleConnect.Bench.Reliability.SmtpSink.Summary, CoupleConnect.Bench.Reliability.SmtpSink.RunAsync),
};

if (args.Length == 0 || args[0] is "-h" or "--help" or "help" || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    if (args.Length > 0 && args[0] is not ("-h" or "--help" or "help"))
    {
        Console.Error.WriteLine($"Unknown benchmark '{args[0]}'.");
    }

    Console.Error.WriteLine("Usage: CoupleConnect.Bench <benchmark> [options]   (<benchmark> --help for its options)");
    foreach (var (name, (summary, _)) in benchmarks)
    {
        Console.Error.WriteLine($"  {name,-16} {summary}");
    }

    return args.Length == 0 || args[0] is "-h" or "--help" or "help" ? 0 : 2;
}

try
{
    return await benchmark.Run(BenchArgs.Parse(args[1..]));
}
catch (BenchUsageException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
