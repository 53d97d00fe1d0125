using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Ingest;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Cases;

/// <summary>
/// Scans the checks for violations and files them as cases: today as data arrives, and the last closed days again
/// (a backlog drained late may still show a violation): every few minutes, and once data of theirs has stopped
/// arriving — never while it is arriving, when a half-drained truck would show households as missed. Several cloud
/// instances may run it; the case key keeps one case per finding.
/// </summary>
public sealed partial class CaseFiler : BackgroundService
{
    private static readonly TimeSpan PastRescan = TimeSpan.FromMinutes(10);
    private readonly HashSet<DateOnly> _closedFiled = [];
    private readonly CountyAudit _audit;
    private readonly DayAuditCache _days;
    private readonly CountyRegistry _registry;
    private readonly CaseStore _store;
    private readonly IOptions<CaseOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CaseFiler> _logger;
    private readonly IngestFeed _feed;
    private DateTimeOffset _pastScanned = DateTimeOffset.MinValue;
    private readonly ConcurrentDictionary<DateOnly, DateTimeOffset> _lateArrivals = new();

    public CaseFiler(
        CountyAudit audit, DayAuditCache days, CountyRegistry registry, CaseStore store, IngestFeed feed, IOptions<CaseOptions> options, TimeProvider time, ILogger<CaseFiler> logger)
    {
        _audit = audit;
        _days = days;
        _registry = registry;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _feed = feed;
        _feed.Stored += OnStored;
    }

    public override void Dispose()
    {
        _feed.Stored -= OnStored;
        base.Dispose();
    }

    /// <summary>
    /// One scan: files what today and the recently closed days show. <paramref name="fresh"/> reads every day afresh
    /// now (after a registry import, or when an operator asks); otherwise today comes from the cache and past days
    /// are re-read every few minutes. Returns the number of new cases.
    /// </summary>
    public async Task<int> ScanAsync(bool fresh, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var now = _time.GetUtcNow();
        var snapshot = await _registry.CurrentAsync(cancellationToken);
        var filed = 0;
        var today = _audit.Today;

        // Past days are read afresh, a county's worth of data each: when data of theirs has arrived, else every few minutes.
        var rescanPast = fresh || now - _pastScanned >= PastRescan;
        for (var back = 0; back <= settings.ClosedDaysScanned + 1; back++)
        {
            var date = today.AddDays(-back);
            var closed = _audit.Window(date).End + settings.CloseDayAfter <= now;
            var arrived = _lateArrivals.TryGetValue(date, out var last);
            var settling = arrived && now - last < settings.SettleAfter && !fresh;
            if (back > 0 && (settling || (!arrived && !rescanPast && _closedFiled.Contains(date) == closed)))
            {
                continue;
            }

            // Through the cache's gate: a page asking for the same day meanwhile waits for this computation, not a second one.
            var day = back == 0 && !fresh ? await _days.GetAsync(date, cancellationToken) : await _days.RefreshNowAsync(date, cancellationToken);
            filed += await _store.FileAsync([.. CaseFindings.From(day, closed, snapshot, _audit.Zone, _audit.Rules.SealedTransport.MovingSpeedKmh, _audit.Rules.Leachate, _audit.Rules.Tonnage)], now, settings.DueWithin, cancellationToken);
            if (closed)
            {
                _closedFiled.Add(date);
            }

            if (arrived)
            {
                _lateArrivals.TryRemove(new KeyValuePair<DateOnly, DateTimeOffset>(date, last));
            }
        }

        if (rescanPast)
        {
            _pastScanned = now;
        }

        if (filed > 0)
        {
            LogFiled(_logger, filed);
        }

        return filed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.ScanInterval, _time);
        do
        {
            try
            {
                await ScanAsync(fresh: false, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed scan (database restarting, say) must not stop the next.
                LogScanFailed(_logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>On the ingest path: only notes which past days just received data, and when.</summary>
    private void OnStored(IReadOnlyList<Store.StoredReading> readings)
    {
        var earliest = DateTimeOffset.MaxValue;
        var latest = DateTimeOffset.MinValue;
        foreach (var reading in readings)
        {
            earliest = reading.Ts < earliest ? reading.Ts : earliest;
            latest = reading.Ts > latest ? reading.Ts : latest;
        }

        var today = _audit.Today;
        var now = _time.GetUtcNow();
        var first = _audit.DayOf(earliest);
        var oldestScanned = today.AddDays(-_options.Value.ClosedDaysScanned - 1);
        for (var date = first < oldestScanned ? oldestScanned : first; date < today && date <= _audit.DayOf(latest); date = date.AddDays(1))
        {
            _lateArrivals[date] = now;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filed {Count} new case(s)")]
    private static partial void LogFiled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case scan failed; trying again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
