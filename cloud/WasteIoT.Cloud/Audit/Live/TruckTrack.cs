using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Audit.Live;

/// <summary>
/// A truck node's open day folded as its rows arrive: sealed transport, evidence, data health and pickup scans, none of
/// which keeps the day's fixes — a truck at 1 fix/s costs each refresh what it sent since the last. Rows that would
/// change what was already folded (older than the newest, numbered before the last, or outside the day) are refused,
/// and the day is read and folded again whole, so the result is always the whole-day checks' own.
/// </summary>
internal sealed class TruckTrack
{
    private readonly string _device;
    private readonly DayWindow _day;
    private readonly long _outside;
    private readonly List<ScanRecord> _scans;
    private readonly bool _heardBefore;
    private int _rows;
    private DateTimeOffset _newest;
    private (long Boot, long Seq)? _lastNumber;

    private TruckTrack(string device, DayWindow day, long version, long outside, int rows, DateTimeOffset newest, EvidenceFold evidence, bool heardBefore,
        DeviceObservation health, (long Boot, long Seq)? lastNumber, SealedTransportFold sealedTransport, List<ScanRecord> scans)
    {
        _device = device;
        _day = day;
        Version = version;
        _outside = outside;
        _rows = rows;
        _newest = newest;
        Evidence = evidence;
        _heardBefore = heardBefore;
        Health = health;
        _lastNumber = lastNumber;
        SealedTransport = sealedTransport;
        _scans = scans;
    }

    public long Version { get; private set; }

    public EvidenceFold Evidence { get; }

    public DeviceObservation Health { get; private set; }

    public SealedTransportFold SealedTransport { get; }

    public IReadOnlyList<ScanRecord> Scans => _scans;

    public DeviceEvidence EvidenceAt(DateTimeOffset now) => Evidence.Result(_heardBefore, now);

    /// <summary>The track written down, to be taken up again after a restart: the rows stored since are then folded in as on any refresh.</summary>
    public State Save() => new(_device, _day, Version, _outside, _rows, _newest, _heardBefore, _lastNumber?.Boot, _lastNumber?.Seq, Health, [.. _scans],
        Evidence.Save(), SealedTransport.Save());

    public static TruckTrack Restore(State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new TruckTrack(state.Device, state.Day, state.Version, state.Outside, state.Rows, state.Newest, EvidenceFold.Restore(state.Evidence), state.HeardBefore,
            state.Health, state.LastBoot is { } boot && state.LastSeq is { } seq ? (boot, seq) : null, SealedTransportFold.Restore(state.SealedTransport), [.. state.Scans]);
    }

    /// <summary>The day read whole and folded, as the county audit reads a truck's day.</summary>
    /// <param name="version">The device's count of rows stored, read before this call.</param>
    public static async Task<TruckTrack> ReadAsync(DeviceDay loader, string device, DayWindow day, TimeSpan lookBack, TimeSpan maxSilence, long version,
        SealedTransportRules rules, CancellationToken cancellationToken)
    {
        var rows = await loader.RowsAsync(device, day, lookBack, maxSilence, cancellationToken);
        var before = await loader.BeforeAsync(device, rows, day, cancellationToken);
        var facts = WindowFacts.Of(device, version, [.. rows.Select(RowStamp.Of)], DeviceDay.Decode(rows), before is null ? null : RowStamp.Of(before), day, maxSilence);

        // The last message by numbering among the day's and the one before it: the next must follow it to be folded in.
        var numbered = rows.Where(r => r.Ts >= day.Start && r.Ts < day.End).Select(r => (r.Boot, r.Seq)).ToList();
        var lastBefore = rows.Where(r => r.Ts < day.Start).OrderBy(r => r.Boot).ThenBy(r => r.Seq).LastOrDefault() ?? before;
        if (lastBefore is not null)
        {
            numbered.Add((lastBefore.Boot, lastBefore.Seq));
        }

        var kept = facts.BeforeEnd;
        var sealedTransport = new SealedTransportFold(rules);
        foreach (var cover in CoverObservation.From(kept))
        {
            sealedTransport.TryAddCover(cover);
        }

        foreach (var fix in kept.OfType<TruckPosition>().Where(p => p.Ts >= day.Start).OrderBy(p => p.Ts))
        {
            sealedTransport.TryAddFix(Fix(fix));
        }

        return new TruckTrack(device, day, version, version - rows.Count, rows.Count, rows.Count > 0 ? rows[^1].Ts : DateTimeOffset.MinValue, facts.Evidence,
            facts.HeardBefore, facts.Health, numbered.Count > 0 ? numbered.Max() : null, sealedTransport,
            [.. kept.OfType<PickupScan>().Where(s => s.Ts >= day.Start).Select(Scan)]);
    }

    /// <summary>
    /// Folds in the rows stored after the newest folded; false when that cannot give the whole-day result (a late row,
    /// one numbered out of order, or past the day's end) — the track is then spent, and the day is read whole again.
    /// </summary>
    public async Task<bool> TryExtendAsync(DeviceDay loader, TimeSpan maxSilence, long version, CancellationToken cancellationToken)
    {
        if (version == Version)
        {
            return true;
        }

        var tail = await StoredSince.ReadAsync(loader, _device, _rows, _newest, _outside, _day.End + maxSilence, version, cancellationToken);
        if (tail is null)
        {
            return false;
        }

        var gaps = new List<SequenceGap>();
        var last = _lastNumber;
        foreach (var row in tail)
        {
            if (row.Ts < _day.Start || row.Ts >= _day.End || (last is { } n && (row.Boot < n.Boot || (row.Boot == n.Boot && row.Seq <= n.Seq))))
            {
                return false;
            }

            // Numbering as the whole-day check counts it: the next in the boot, or a new boot from 1.
            var from = last is { } l && l.Boot == row.Boot ? l.Seq + 1 : 1;
            if (row.Seq > from)
            {
                gaps.Add(new SequenceGap(_device, row.Boot, from, row.Seq - 1));
            }

            last = (row.Boot, row.Seq);
        }

        var messages = DeviceDay.Decode(tail);
        foreach (var message in messages)
        {
            if (!Evidence.TryAdd(Mark(message)))
            {
                return false;
            }
        }

        foreach (var cover in CoverObservation.From(messages))
        {
            if (!SealedTransport.TryAddCover(cover))
            {
                return false;
            }
        }

        foreach (var fix in messages.OfType<TruckPosition>())
        {
            if (!SealedTransport.TryAddFix(Fix(fix)))
            {
                return false;
            }
        }

        _scans.AddRange(messages.OfType<PickupScan>().Select(Scan));
        Health = Health with
        {
            Received = Health.Received + tail.Count,
            LastSeen = tail.Count > 0 && (Health.LastSeen is null || tail[^1].Ts > Health.LastSeen) ? tail[^1].Ts : Health.LastSeen,
            Gaps = gaps.Count > 0 ? [.. Health.Gaps, .. gaps] : Health.Gaps,
        };
        _lastNumber = last;
        _rows += tail.Count;
        _newest = tail.Count > 0 ? tail[^1].Ts : _newest;
        Version = version;
        return true;
    }

    private static MessageMark Mark(DeviceMessage m) => new(m.Boot, m.Seq, m.Ts, (m as DeviceHeartbeat)?.Dropped);

    private static PositionFix Fix(TruckPosition p) => new(p.Ts, p.Lat, p.Lon, p.Speed);

    private static ScanRecord Scan(PickupScan s) => new(s.Tag, s.Ts, s.Lat, s.Lon);

    /// <summary>A <see cref="TruckTrack"/> written down.</summary>
    internal sealed record State(string Device, DayWindow Day, long Version, long Outside, int Rows, DateTimeOffset Newest, bool HeardBefore, long? LastBoot, long? LastSeq,
        DeviceObservation Health, List<ScanRecord> Scans, EvidenceFold.State Evidence, SealedTransportFold.State SealedTransport);
}
