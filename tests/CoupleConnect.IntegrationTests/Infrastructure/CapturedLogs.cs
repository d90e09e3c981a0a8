using System.Collections.Concurrent;
using CoupleConnect.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// Every log line an app writes, all categories and levels (Trace up): the formatted message, its structured values,
/// its scopes and the exception, as any log sink could store them. Add it with <see cref="AddTo"/>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLine> Lines => _lines.ToArray();

    /// <summary>Adds this provider at Trace for every category, whatever the app's configuration says for the others.</summary>
    public void AddTo(ILoggingBuilder logging)
    {
        logging.AddProvider(this);
        logging.AddFilter<CapturedLogs>(category: null, LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Trace);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static string Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> pairs
        ? $"{scope} {{{string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))}}}"
        : scope?.ToString() ?? string.Empty;

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = Describe(state);
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            owner._lines.Enqueue(new CapturedLine(logLevel, category, formatter(state, exception), values, string.Join(" => ", scopes), exception?.ToString()));
        }
    }
}

/// <summary>One captured log line; <see cref="ToString"/> holds all of it, for searching.</summary>
public sealed record CapturedLine(LogLevel Level, string Category, string Message, string Values, string Scopes, string? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} | {Values} | {Scopes} | {Exception}";
}

/// <summary>The shared test factory whose app also writes every log line to <see cref="Logs"/>.</summary>
public sealed class LoggedAppFactory(string connectionString, IDictionary<string, string?>? settings = null)
    : CoupleConnectAppFactory(connectionString, settings)
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(Logs.AddTo);
    }
}
