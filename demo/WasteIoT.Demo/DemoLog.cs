using System.Globalization;
using Microsoft.Extensions.Logging;

namespace WasteIoT.Demo;

/// <summary>
/// The demo's cloud and gateway log to a file in its data folder, not to the console: the console is the progress
/// line and the logins. Warnings and errors are counted so the demo can say at the end that there were some and where.
/// </summary>
public sealed class DemoLog : ILoggerProvider
{
    private readonly StreamWriter _file;
    private readonly Lock _gate = new();
    private long _warnings;

    public DemoLog(string path)
    {
        Path = path;
        _file = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    public string Path { get; }

    /// <summary>Entries at Warning or above so far.</summary>
    public long Warnings => Interlocked.Read(ref _warnings);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        if (level >= LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {level} {category}: {message}{(exception is null ? string.Empty : Environment.NewLine + exception)}");
        lock (_gate)
        {
            try
            {
                _file.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A host logging while it stops, after the demo closed its log.
            }
        }
    }

    private sealed class Logger(DemoLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                log.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
