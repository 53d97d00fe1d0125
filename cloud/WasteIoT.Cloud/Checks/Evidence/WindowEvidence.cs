namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>
/// The evidence behind one verdict: how much of the window it depends on (a route's service hours, a toilet's
/// opening hours, a bin's day) the thing's devices were heard in — every device at once, since each measures its
/// part. Times are in the county's zone.
/// </summary>
/// <param name="Coverage">Heard share of the window lived so far (0..1).</param>
/// <param name="BeforeService">Time in the window before a device first came into service: not judged, not an outage.</param>
/// <param name="Outages">Silences and losses in the window, per device.</param>
/// <param name="Dropped">Readings evicted from the devices' flash logs in the window.</param>
public sealed record WindowEvidence(
    DateTimeOffset From,
    DateTimeOffset To,
    double Coverage,
    TimeSpan Heard,
    TimeSpan Silent,
    TimeSpan BeforeService,
    IReadOnlyList<Outage> Outages,
    long Dropped,
    bool Verified)
{
    /// <summary>The heard spans themselves, for judging parts of the window (a route's stretch between two households).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<EvidenceSpan> HeardSpans { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public double MinCoverage { get; init; } = 1;

    public bool NothingHeard => Heard == TimeSpan.Zero && HeardSpans.Count == 0;

    /// <summary>
    /// Heard enough, and nothing known to be lost: a lost message could be the very cleaning or emptying that is
    /// missing, so a shortfall needs both.
    /// </summary>
    public bool Complete => Verified && !Outages.Any(o => o.Reason == OutageReason.Lost);

    /// <summary>Whether <c>[from, to]</c> was heard for at least the minimum share (a moment is heard when it falls in a heard span).</summary>
    public bool Covers(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return HeardSpans.Any(s => s.From <= from && from <= s.To);
        }

        var heard = Spans.Total(Spans.Clip(HeardSpans, from, to));
        return heard.TotalSeconds >= MinCoverage * (to - from).TotalSeconds && !Outages.Any(o => o.Reason == OutageReason.Lost && o.From < to && o.To > from);
    }

    public static WindowEvidence For(IReadOnlyList<DeviceEvidence> devices, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, double minCoverage, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(zone);
        var end = now < to ? now : to;
        DateTimeOffset Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone);
        if (devices.Count == 0 || end <= from)
        {
            return new WindowEvidence(Local(from), Local(to), 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, [], 0, false) { MinCoverage = minCoverage };
        }

        // Each device answers for the time it measured the thing (a node swapped mid-day hands over to the next); the
        // thing is heard when every device assigned at that moment is, and at least one is assigned.
        List<EvidenceSpan> Assigned(DeviceEvidence d) => d.Assigned is { } spans ? Spans.Clip(spans, from, end) : [new EvidenceSpan(from, end)];
        var heard = Spans.Merge(devices.SelectMany(Assigned));
        foreach (var device in devices)
        {
            var assigned = Assigned(device);
            heard = Spans.Intersect(heard, Spans.Merge(Spans.Intersect(Spans.Clip(device.Heard, from, end), assigned).Concat(Spans.Complement(assigned, from, end))));
        }

        var heardTotal = Spans.Total(heard);
        var outages = devices.SelectMany(d => Assigned(d).SelectMany(a => d.Outages.Select(o => o.From < a.To && o.To > a.From ? o with { From = Local(o.From > a.From ? o.From : a.From), To = Local(o.To < a.To ? o.To : a.To) } : null)))
            .OfType<Outage>().OrderBy(o => o.From).ThenBy(o => o.Device, StringComparer.Ordinal).ToList();
        var silent = Spans.Total(outages.Select(o => new EvidenceSpan(o.From, o.To)));
        var beforeService = Spans.Total(devices.SelectMany(d => Assigned(d).Select(a => new EvidenceSpan(a.From, d.InService is { } s ? (s < a.To ? s : a.To) : d.NeverHeard ? a.To : a.From))));
        var coverage = heardTotal.TotalSeconds / (end - from).TotalSeconds;
        return new WindowEvidence(Local(from), Local(to), Math.Round(coverage, 4), heardTotal, silent, beforeService, outages, devices.Sum(d => d.Dropped), coverage >= minCoverage)
        {
            HeardSpans = heard,
            MinCoverage = minCoverage,
        };
    }
}
