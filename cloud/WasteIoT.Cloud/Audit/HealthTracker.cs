using System.Collections.Concurrent;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// Data health gathered while the day's rows are read for the other checks, so nothing is read twice: per device,
/// the gaps in its numbering within the day (a boot's first seq in the day is checked against the device's last
/// message before the day, since boots span midnight) and when it was last heard.
/// </summary>
internal sealed class HealthTracker
{
    private readonly Shared _shared;
    private readonly List<DeviceObservation>? _record;

    public HealthTracker()
        : this(new Shared(), null)
    {
    }

    private HealthTracker(Shared shared, List<DeviceObservation>? record)
    {
        _shared = shared;
        _record = record;
    }

    /// <summary>The same tracker, also noting each device observed through it into <paramref name="record"/> (a thing's own, to replay when its audit is reused).</summary>
    public HealthTracker Recording(List<DeviceObservation> record) => new(_shared, record);

    /// <summary>What one device's rows add (<see cref="Observation"/>), once per device whichever thing reads it first.</summary>
    public void Observe(DeviceObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (_shared.Observed.ContainsKey(observation.Device))
        {
            return;
        }

        _record?.Add(observation);
        Add(observation);
    }

    /// <summary>A device's observation made in an earlier computation of the same day, when its rows have not changed since.</summary>
    public void Add(DeviceObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (!_shared.Observed.TryAdd(observation.Device, true))
        {
            return;
        }

        Interlocked.Add(ref _shared.Received, observation.Received);
        if (observation.LastSeen is { } seen)
        {
            _shared.LastSeen[observation.Device] = seen;
        }

        foreach (var gap in observation.Gaps)
        {
            _shared.Gaps.Add(gap);
        }
    }

    /// <summary>What a device's rows of the day (and its last message before it) add to data health.</summary>
    public static DeviceObservation Observation(string device, IReadOnlyList<RowStamp> rows, RowStamp? lastBefore, DateTimeOffset dayStart, DateTimeOffset dayEnd)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inDay = rows.Where(r => r.Ts >= dayStart && r.Ts < dayEnd).ToList();
        // The last by numbering, not by time: two messages in the same second before midnight must not look like a gap.
        lastBefore = rows.Where(r => r.Ts < dayStart).OrderBy(r => r.Boot).ThenBy(r => r.Seq).Select(r => (RowStamp?)r).LastOrDefault() ?? lastBefore;
        var received = inDay.Select(r => (r.Boot, r.Seq)).Distinct().LongCount();
        if (inDay.Count == 0)
        {
            return new DeviceObservation(device, received, null, []);
        }

        IEnumerable<(string, long, long, DateTimeOffset)> numbered = inDay.Select(r => (device, r.Boot, r.Seq, r.Ts));
        if (lastBefore is { } last)
        {
            numbered = numbered.Append((device, last.Boot, last.Seq, last.Ts));
        }

        var firstInDay = inDay.GroupBy(r => r.Boot).ToDictionary(g => g.Key, g => g.Min(r => r.Seq));

        // Only gaps reaching into this day are the day's: a boot that began before the day without its first messages is yesterday's matter.
        var gaps = DataHealthCheck.Evaluate(numbered, [device], DateTimeOffset.MaxValue, TimeSpan.MaxValue).Gaps
            .Where(gap => firstInDay.TryGetValue(gap.Boot, out var first) && gap.To >= first - 1).ToList();
        return new DeviceObservation(device, received, inDay.Max(r => r.Ts), gaps);
    }

    /// <param name="expected">Devices assigned that day, each with the end of its assignment: a device handed over at 10:00 is not silent after.</param>
    public (DataHealthResult Health, IReadOnlyList<string> Reporting) Result(IReadOnlyDictionary<string, DateTimeOffset> expected, DateTimeOffset now, TimeSpan silentAfter)
    {
        var gaps = _shared.Gaps.OrderBy(g => g.Device, StringComparer.Ordinal).ThenBy(g => g.Boot).ThenBy(g => g.From).ToList();
        var silent = expected.Where(d => !_shared.LastSeen.TryGetValue(d.Key, out var seen) || (now < d.Value ? now : d.Value) - seen > silentAfter).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        var reporting = _shared.LastSeen.Keys.Order(StringComparer.Ordinal).ToList();
        return (new DataHealthResult(gaps, silent, Interlocked.Read(ref _shared.Received), gaps.Sum(g => g.Missing)), reporting);
    }

    private sealed class Shared
    {
        public readonly ConcurrentBag<SequenceGap> Gaps = [];
        public readonly ConcurrentDictionary<string, DateTimeOffset> LastSeen = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, bool> Observed = new(StringComparer.Ordinal);
        public long Received;
    }
}
