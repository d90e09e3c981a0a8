namespace CoupleConnect.Bench.Circuits;

/// <summary>
/// Click→render latencies of one measuring window at a time: a click counts only if it was sent and answered while the
/// window was open, so ramping (opening circuits) and the heap reading's forced GC stay out of the figures.
/// </summary>
public sealed class LatencySampler
{
    private readonly Lock _gate = new();
    private List<double> _samples = [];
    private int _window;
    private bool _open;

    public int Timeouts { get; private set; }

    public int Errors { get; private set; }

    public string? FirstError { get; private set; }

    /// <summary>The window a click starting now belongs to, or -1 while none is open.</summary>
    public int CurrentWindow
    {
        get
        {
            lock (_gate)
            {
                return _open ? _window : -1;
            }
        }
    }

    public void Begin()
    {
        lock (_gate)
        {
            _window++;
            _open = true;
            _samples = [];
            Timeouts = 0;
            Errors = 0;
        }
    }

    public WindowFigures End()
    {
        lock (_gate)
        {
            _open = false;
            return WindowFigures.Of(_samples, Timeouts, Errors);
        }
    }

    public void Record(int window, TimeSpan latency)
    {
        lock (_gate)
        {
            if (_open && window == _window)
            {
                _samples.Add(latency.TotalMilliseconds);
            }
        }
    }

    public void Timeout(int window)
    {
        lock (_gate)
        {
            if (_open && window == _window)
            {
                Timeouts++;
            }
        }
    }

    public void Error(int window, string message)
    {
        lock (_gate)
        {
            FirstError ??= message;
            if (_open && window == _window)
            {
                Errors++;
            }
        }
    }
}

public sealed record WindowFigures(int Clicks, double P50, double P95, double P99, double Max, int Timeouts, int Errors)
{
    public static WindowFigures Of(List<double> samples, int timeouts, int errors)
    {
        if (samples.Count == 0)
        {
            return new WindowFigures(0, double.NaN, double.NaN, double.NaN, double.NaN, timeouts, errors);
        }

        samples.Sort();
        return new WindowFigures(samples.Count, Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), samples[^1], timeouts, errors);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
