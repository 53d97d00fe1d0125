using System.Collections.Concurrent;
using WasteIoT.Cloud.Ingest;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The county's day, kept computed: a page asks and gets the last result at once; when data has arrived since (or,
/// for readings stored by another instance, after <see cref="MaxAge"/>), one refresh runs in the background — unless
/// the result is old by the measure of how long the day takes to compute, when the caller waits for the refresh.
/// A day never computed, or computed against an older registry (a route or a toilet changed), is computed while the caller waits.
/// </summary>
public sealed class DayAuditCache(CountyAudit audit, IngestFeed feed, Registry.CountyRegistry registry, DaySummaryStore summaries, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<DateOnly, Entry> _days = new();

    public async Task<CountyDay> GetAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var entry = _days.GetOrAdd(date, _ => new Entry());
        var current = entry.Result;
        if (current is not null && current.RegistryVersion != (await registry.CurrentAsync(cancellationToken)).Version)
        {
            return await RefreshAsync(date, entry, cancellationToken, force: true);
        }

        if (current is not null)
        {
            // Data stored by another instance is noticed by age; a county's day takes seconds to compute, so the age
            // allowed grows with it — the cache must not spend its life recomputing an unchanged day.
            var maxAge = MaxAge > entry.Duration * 5 ? MaxAge : entry.Duration * 5;
            var age = time.GetUtcNow() - current.ComputedAt;
            if (entry.FeedVersion != feed.Version && age > (entry.Duration * 2) + TimeSpan.FromSeconds(2))
            {
                // Data has come in since a result that is old by the day's own measure (after a quiet spell, say):
                // waiting for the refresh beats showing it.
                return await RefreshAsync(date, entry, cancellationToken);
            }

            if (entry.FeedVersion != feed.Version || age > maxAge)
            {
                _ = RefreshAsync(date, entry, CancellationToken.None);
            }

            return current;
        }

        return await RefreshAsync(date, entry, cancellationToken);
    }

    /// <summary>Computes the day now and waits for it (after a registry change, or for a test that needs fresh figures).</summary>
    public Task<CountyDay> RefreshNowAsync(DateOnly date, CancellationToken cancellationToken) =>
        RefreshAsync(date, _days.GetOrAdd(date, _ => new Entry()), cancellationToken, force: true);

    private async Task<CountyDay> RefreshAsync(DateOnly date, Entry entry, CancellationToken cancellationToken, bool force = false)
    {
        if (!force && !await entry.Gate.WaitAsync(0, cancellationToken))
        {
            // A refresh is already running: wait for it, and use it if no data has come in since it began.
            await entry.Gate.WaitAsync(cancellationToken);
            entry.Gate.Release();
            return entry.Result is { } done && entry.FeedVersion == feed.Version ? done : await RefreshAsync(date, entry, cancellationToken, force: true);
        }

        if (force)
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }

        try
        {
            var version = feed.Version;
            var started = time.GetTimestamp();
            var result = await audit.DayAsync(date, cancellationToken);
            entry.Duration = time.GetElapsedTime(started);
            entry.FeedVersion = version;
            entry.Result = result;
            if (audit.Window(date).End <= result.ComputedAt)
            {
                await KeepAsync(result, cancellationToken);
            }

            return result;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>A closed day's summary per contractor (and the county's, under ""), for the monthly scorecard.</summary>
    private async Task KeepAsync(CountyDay day, CancellationToken cancellationToken)
    {
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var byContractor = new Dictionary<string, DaySummary>(StringComparer.Ordinal) { [string.Empty] = day.Summary };
        foreach (var contractor in snapshot.Of<Registry.Contractor>(Registry.RegistryKinds.Contractors))
        {
            byContractor[contractor.Id] = day.For(new Accounts.Viewer(string.Empty, Accounts.UserRole.Contractor, contractor.Id, string.Empty)).Summary;
        }

        await summaries.SaveAsync(day.Date, byContractor, day.Collection, day.ComputedAt, cancellationToken);
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CountyDay? Result { get; set; }

        public long FeedVersion { get; set; } = -1;

        public TimeSpan Duration { get; set; }
    }
}
