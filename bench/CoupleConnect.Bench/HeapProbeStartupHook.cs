using System.Globalization;
using System.Net.Sockets;
using System.Runtime;
using System.Text;

#pragma warning disable CA1050 // A startup hook must be a type named StartupHook outside any namespace (the runtime's rule).

/// <summary>
/// Loaded into an app under test by the circuits benchmark (DOTNET_STARTUP_HOOKS=CoupleConnect.Bench.dll, with
/// CC_BENCH_HEAP_PROBE naming a Unix socket), never otherwise: it answers each connection on that socket with the
/// managed heap after a full blocking, compacting collection (what stays alive, the figure a per-circuit cost needs)
/// and the GC's committed bytes. Reading it from inside the process the same way for the app and for the bare
/// template keeps both apps' code untouched.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable("CC_BENCH_HEAP_PROBE");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        File.Delete(path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(4);
        var thread = new Thread(() => Serve(listener)) { IsBackground = true, Name = "bench heap probe" };
        thread.Start();
    }

    private static void Serve(Socket listener)
    {
        while (true)
        {
            using var client = listener.Accept();
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var answer = string.Create(CultureInfo.InvariantCulture, $"{GC.GetTotalMemory(forceFullCollection: false)} {info.HeapSizeBytes} {info.TotalCommittedBytes} {info.PauseDurations[0].TotalMilliseconds:0.0}\n");
            client.Send(Encoding.ASCII.GetBytes(answer));
        }
    }
}
