using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Cases;

/// <summary>
/// Scans the checks for violations and files them as cases: today as data arrives, and the last closed days again
/// (a backlog drained late may still show a violation). Several cloud instances may run it; the case key keeps one case per finding.
/// </summary>
public sealed partial class CaseFiler(
    CountyAudit audit, DayAuditCache days, CountyRegistry registry, CaseStore store, IOptions<CaseOptions> options, TimeProvider time, ILogger<CaseFiler> logger) : BackgroundService
{
    private static readonly TimeSpan PastRescan = TimeSpan.FromMinutes(10);
    private readonly HashSet<DateOnly> _closedFiled = [];
    private DateTimeOffset _pastScanned = DateTimeOffset.MinValue;

    /// <summary>
    /// One scan: files what today and the recently closed days show. <paramref name="fresh"/> reads every day afresh
    /// now (after a registry import, or when an operator asks); otherwise today comes from the cache and past days
    /// are re-read every few minutes. Returns the number of new cases.
    /// </summary>
    public async Task<int> ScanAsync(bool fresh, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var filed = 0;
        var today = audit.Today;

        // Past days are read afresh, a county's worth of data each: every few minutes is enough for late data.
        var rescanPast = fresh || now - _pastScanned >= PastRescan;
        for (var back = 0; back <= settings.ClosedDaysScanned + 1; back++)
        {
            var date = today.AddDays(-back);
            var closed = audit.Window(date).End + settings.CloseDayAfter <= now;
            if (back > 0 && !rescanPast && _closedFiled.Contains(date) == closed)
            {
                continue;
            }

            // Through the cache's gate: a page asking for the same day meanwhile waits for this computation, not a second one.
            var day = back == 0 && !fresh ? await days.GetAsync(date, cancellationToken) : await days.RefreshNowAsync(date, cancellationToken);
            filed += await store.FileAsync([.. CaseFindings.From(day, closed, snapshot)], now, settings.DueWithin, cancellationToken);
            if (closed)
            {
                _closedFiled.Add(date);
            }
        }

        if (rescanPast)
        {
            _pastScanned = now;
        }

        if (filed > 0)
        {
            LogFiled(logger, filed);
        }

        return filed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await ScanAsync(fresh: false, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed scan (database restarting, say) must not stop the next.
                LogScanFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filed {Count} new case(s)")]
    private static partial void LogFiled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case scan failed; trying again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
