using System.Collections.Concurrent;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// Data health gathered while the day's rows are read for the other checks, so nothing is read twice: per device,
/// the gaps in its numbering within the day (a boot's first seq in the day is checked against the device's last
/// message before the day, since boots span midnight) and when it was last heard.
/// </summary>
internal sealed class HealthTracker(DateTimeOffset dayStart, DateTimeOffset dayEnd)
{
    private readonly ConcurrentBag<SequenceGap> _gaps = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private long _received;

    private readonly ConcurrentDictionary<string, bool> _observed = new(StringComparer.Ordinal);

    public void Observe(string device, IReadOnlyList<StoredReading> rows, StoredReading? lastBefore)
    {
        if (!_observed.TryAdd(device, true))
        {
            return;
        }

        var inDay = rows.Where(r => r.Ts >= dayStart && r.Ts < dayEnd).ToList();
        // The last by numbering, not by time: two messages in the same second before midnight must not look like a gap.
        lastBefore = rows.Where(r => r.Ts < dayStart).OrderBy(r => r.Boot).ThenBy(r => r.Seq).LastOrDefault() ?? lastBefore;
        Interlocked.Add(ref _received, inDay.Select(r => (r.Boot, r.Seq)).Distinct().LongCount());
        if (inDay.Count == 0)
        {
            return;
        }

        _lastSeen[device] = inDay.Max(r => r.Ts);
        IEnumerable<(string, long, long, DateTimeOffset)> numbered = inDay.Select(r => (device, r.Boot, r.Seq, r.Ts));
        if (lastBefore is not null)
        {
            numbered = numbered.Append((device, lastBefore.Boot, lastBefore.Seq, lastBefore.Ts));
        }

        var firstInDay = inDay.GroupBy(r => r.Boot).ToDictionary(g => g.Key, g => g.Min(r => r.Seq));
        foreach (var gap in DataHealthCheck.Evaluate(numbered, [device], DateTimeOffset.MaxValue, TimeSpan.MaxValue).Gaps)
        {
            // Only gaps reaching into this day are the day's: a boot that began before the day without its first messages is yesterday's matter.
            if (firstInDay.TryGetValue(gap.Boot, out var first) && gap.To >= first - 1)
            {
                _gaps.Add(gap);
            }
        }
    }

    /// <param name="expected">Devices assigned that day, each with the end of its assignment: a device handed over at 10:00 is not silent after.</param>
    public (DataHealthResult Health, IReadOnlyList<string> Reporting) Result(IReadOnlyDictionary<string, DateTimeOffset> expected, DateTimeOffset now, TimeSpan silentAfter)
    {
        var gaps = _gaps.OrderBy(g => g.Device, StringComparer.Ordinal).ThenBy(g => g.Boot).ThenBy(g => g.From).ToList();
        var silent = expected.Where(d => !_lastSeen.TryGetValue(d.Key, out var seen) || (now < d.Value ? now : d.Value) - seen > silentAfter).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        var reporting = _lastSeen.Keys.Order(StringComparer.Ordinal).ToList();
        return (new DataHealthResult(gaps, silent, Interlocked.Read(ref _received), gaps.Sum(g => g.Missing)), reporting);
    }
}
