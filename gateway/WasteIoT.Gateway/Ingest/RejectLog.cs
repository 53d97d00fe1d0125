using System.Collections.Concurrent;

namespace WasteIoT.Gateway.Ingest;

/// <summary>At most one log line per device and reason per minute: a misbehaving device must not flood the log.</summary>
public sealed partial class RejectLog(ILogger<RejectLog> logger, TimeProvider time)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Client, string Reason), long> _last = new();

    public void Rejected(string client, string reason, string detail)
    {
        var now = time.GetTimestamp();
        var key = (client, reason);
        if (_last.TryGetValue(key, out var last) && time.GetElapsedTime(last, now) < Quiet)
        {
            return;
        }

        _last[key] = now;
        LogRejected(logger, client, reason, detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a message from {Client}: {Reason} ({Detail}); further ones are counted, not logged, for a minute")]
    private static partial void LogRejected(ILogger logger, string client, string reason, string detail);
}
