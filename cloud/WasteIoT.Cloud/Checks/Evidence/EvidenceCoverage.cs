namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>
/// Measures silence instead of inferring it from numbering. Two messages in a row — the next in the same boot, or the
/// first of a new boot — vouch for the time between them when they are no further apart than the device's cadence
/// allows; anything longer is an outage, a reboot included (the new boot starts at seq 1, so numbering alone would hide
/// it). Messages numbered but never received make the span between their neighbours an outage whatever its length.
/// </summary>
public static class EvidenceCoverage
{
    /// <param name="marks">The device's messages in <c>[from, to]</c>, plus its last one before <paramref name="from"/> and any soon after <paramref name="to"/>.</param>
    /// <param name="heardBefore">Whether the device sent anything before <paramref name="from"/>, ever (else its first message puts it in service).</param>
    /// <param name="now">Time not yet lived is neither heard nor silent; a device not yet overdue is still heard up to now.</param>
    public static DeviceEvidence Evaluate(
        string device, IEnumerable<MessageMark> marks, bool heardBefore, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeSpan maxSilence)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var end = now < to ? now : to;
        var points = InNumberOrder(marks);
        if (points.Count == 0)
        {
            return new DeviceEvidence(device, null, [], [], 0, null);
        }

        var heard = new List<EvidenceSpan>();
        var outages = new List<Outage>();
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var start = a.Ts < b.Ts ? a.Ts : b.Ts;
            var stop = a.Ts < b.Ts ? b.Ts : a.Ts;
            var contiguous = b.Boot == a.Boot ? b.Seq == a.Seq + 1 : b.Seq == 1;
            if (!contiguous)
            {
                outages.Add(new Outage(device, start, stop, OutageReason.Lost));
            }
            else if (stop - start > maxSilence)
            {
                outages.Add(new Outage(device, start, stop, OutageReason.Silent));
            }
            else if (heard.Count > 0 && start <= heard[^1].To && start >= heard[^1].From)
            {
                // The common case, a device talking at its cadence: extend the span rather than keep thousands of them.
                if (stop > heard[^1].To)
                {
                    heard[^1] = heard[^1] with { To = stop };
                }
            }
            else
            {
                heard.Add(new EvidenceSpan(start, stop));
            }
        }

        var last = points.MaxBy(p => p.Ts);
        if (last.Ts < end)
        {
            // Not overdue yet: its next message may simply not be due (or is on its way through a dead zone).
            if (now - last.Ts <= maxSilence)
            {
                heard.Add(new EvidenceSpan(last.Ts, end));
            }
            else
            {
                outages.Add(new Outage(device, last.Ts, end, OutageReason.Silent));
            }
        }

        var first = points.MinBy(p => p.Ts).Ts;
        DateTimeOffset? inService = !heardBefore && first > from ? first : null;
        var dropped = Dropped(points.Where(p => p.Ts >= from && p.Ts < to));
        var lastHeard = points.Where(p => p.Ts < to).Select(p => (DateTimeOffset?)p.Ts).Max();
        return new DeviceEvidence(
            device,
            inService,
            Spans.Clip(Spans.Merge(heard), from, end),
            [.. outages.Select(o => o.From < from || o.To > end ? o with { From = o.From < from ? from : o.From, To = o.To > end ? end : o.To } : o).Where(o => o.To > o.From)],
            dropped,
            lastHeard);
    }

    /// <summary>The messages once each, by boot and sequence; rows come from the store in time order, which is usually that order already.</summary>
    private static List<MessageMark> InNumberOrder(IEnumerable<MessageMark> marks)
    {
        var list = marks as List<MessageMark> ?? [.. marks];
        var ordered = true;
        for (var i = 1; i < list.Count && ordered; i++)
        {
            ordered = list[i].Boot > list[i - 1].Boot || (list[i].Boot == list[i - 1].Boot && list[i].Seq > list[i - 1].Seq);
        }

        return ordered ? list : [.. list.DistinctBy(m => (m.Boot, m.Seq)).OrderBy(m => m.Boot).ThenBy(m => m.Seq)];
    }

    /// <summary>Ring evictions counted by the heartbeats: the rise of the counter within each boot's reports.</summary>
    private static long Dropped(IEnumerable<MessageMark> points)
    {
        long total = 0;
        long? previous = null;
        foreach (var point in points.Where(p => p.Dropped is not null))
        {
            if (previous is { } p && point.Dropped > p)
            {
                total += point.Dropped.Value - p;
            }

            previous = point.Dropped;
        }

        return total;
    }
}
