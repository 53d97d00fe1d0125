using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Observability;

/// <summary>
/// Samples the store every 5 s for the backlog gauges (rows waiting, age of the oldest, positions thinned by the
/// quota) and the drain rate (messages the cloud acknowledged since the last sample), whether or not an uplink runs.
/// </summary>
public sealed class BacklogWatcher(GatewayStore store, GatewayMetrics metrics, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var forwarded = metrics.MessagesOut;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var backlog = await store.GetBacklogAsync(stoppingToken);
                metrics.BacklogRows = backlog.Rows;
                metrics.Thinned = store.Thinned;
                metrics.BacklogOldestAgeSeconds = backlog.OldestAgeSeconds(time.GetUtcNow());
                var now = metrics.MessagesOut;
                metrics.DrainRatePerSecond = (now - forwarded) / Interval.TotalSeconds;
                forwarded = now;
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
    }
}
