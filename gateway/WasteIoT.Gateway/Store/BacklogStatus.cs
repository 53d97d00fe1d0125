namespace WasteIoT.Gateway.Store;

/// <summary>What waits for the cloud.</summary>
/// <param name="Rows">Messages not yet acknowledged by the cloud.</param>
/// <param name="OldestRxMs">When the oldest of them arrived, or null when there are none.</param>
/// <param name="DatabaseBytes">Database and WAL size on disk.</param>
public sealed record BacklogStatus(long Rows, long? OldestRxMs, long DatabaseBytes)
{
    /// <summary>Seconds the oldest waiting message has waited at <paramref name="now"/> (0 when none wait).</summary>
    public double OldestAgeSeconds(DateTimeOffset now) => OldestRxMs is { } oldest ? Math.Max(0, (now.ToUnixTimeMilliseconds() - oldest) / 1000.0) : 0;
}
