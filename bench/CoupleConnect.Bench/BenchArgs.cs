using System.Globalization;

namespace CoupleConnect.Bench;

/// <summary>"--name value" and "--flag" options, read once; anything not asked for is reported as unknown.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private BenchArgs(Dictionary<string, string?> values) => _values = values;

    public bool HelpRequested => _values.ContainsKey("help") || _values.ContainsKey("h");

    public static BenchArgs Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                throw new BenchUsageException($"Unexpected argument '{arg}' (options look like --name value).");
            }

            var name = arg.TrimStart('-');
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                values[name[..equals]] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[name] = args[++i];
            }
            else
            {
                values[name] = null;
            }
        }

        return new BenchArgs(values);
    }

    public string? Value(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.ContainsKey(name);
    }

    public int Number(string name, int defaultValue)
    {
        var text = Value(name);
        if (text is null)
        {
            return defaultValue;
        }

        // Accept 1,000,000 / 1_000_000 / 1e6 for readability on the command line.
        var cleaned = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && number <= int.MaxValue && number == Math.Floor(number))
        {
            return (int)number;
        }

        throw new BenchUsageException($"--{name} expects a whole number, not '{text}'.");
    }

    /// <summary>A fraction from 0 to 1, such as 0.3.</summary>
    public double Share(string name, double defaultValue)
    {
        var text = Value(name);
        if (text is null)
        {
            return defaultValue;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new BenchUsageException($"--{name} expects a fraction from 0 to 1 such as 0.3, not '{text}'.");
    }

    public DateTimeOffset Instant(string name, DateTimeOffset defaultValue)
    {
        var text = Value(name);
        if (text is null)
        {
            return defaultValue;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new BenchUsageException($"--{name} expects an instant such as 2026-12-01T13:00:00Z, not '{text}'.");
    }

    /// <summary>Call after reading every option: a typo should stop the run, not be silently ignored.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(key => !_read.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw new BenchUsageException($"Unknown option(s): {string.Join(", ", unknown.Select(key => "--" + key))}");
        }
    }
}

public sealed class BenchUsageException(string message) : Exception(message);
