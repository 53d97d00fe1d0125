namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>
/// Turns readings into odour episodes: consecutive readings of a gas over its limit (as far as the cell resolves it,
/// <see cref="OdourLimit"/>) make one episode, which counts when it lasts at least the rules' minimum. A reading back
/// under the limit, or a silence longer than <c>maxGap</c>, ends it. A single five-minute average just over the limit
/// is a reading, not an episode the bureau can put to a contractor.
/// </summary>
public static class OdourEpisodes
{
    public static IReadOnlyList<OdourEpisode> Find(
        IEnumerable<AirRecord> readings, DateTimeOffset from, DateTimeOffset to, double nh3Limit, double h2sLimit, TimeSpan minDuration, TimeSpan maxGap)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var ordered = readings.Where(r => r.Ts >= from && r.Ts < to).OrderBy(r => r.Ts).ToList();
        return
        [
            .. Gas(ordered, "nh3", r => r.Nh3, r => r.Nh3Resolution, nh3Limit, minDuration, maxGap),
            .. Gas(ordered, "sh2", r => r.H2s, r => r.H2sResolution, h2sLimit, minDuration, maxGap),
        ];
    }

    private static List<OdourEpisode> Gas(
        List<AirRecord> readings, string gas, Func<AirRecord, double?> value, Func<AirRecord, double?> resolution, double limit, TimeSpan minDuration, TimeSpan maxGap)
    {
        var episodes = new List<OdourEpisode>();
        var measured = readings.Where(r => value(r) is not null).ToList();
        Open? open = null;
        for (var i = 0; i < measured.Count; i++)
        {
            var reading = measured[i];
            var v = value(reading)!.Value;
            if (i > 0 && reading.Ts - measured[i - 1].Ts > maxGap)
            {
                Close(ref open, episodes, gas, limit, minDuration);
            }

            if (OdourLimit.Exceeds(v, limit, resolution(reading)))
            {
                // A reading is the average of the interval before it: the episode starts where that interval did.
                open ??= new Open(reading.Ts - Spacing(measured, i, maxGap));
                open.Add(reading.Ts, v);
            }
            else
            {
                Close(ref open, episodes, gas, limit, minDuration);
            }
        }

        Close(ref open, episodes, gas, limit, minDuration);
        return episodes;
    }

    /// <summary>The reading's averaging interval: the time since the one before, or (first after a silence) until the next.</summary>
    private static TimeSpan Spacing(List<AirRecord> readings, int i, TimeSpan maxGap)
    {
        if (i > 0 && readings[i].Ts - readings[i - 1].Ts <= maxGap)
        {
            return readings[i].Ts - readings[i - 1].Ts;
        }

        return i + 1 < readings.Count && readings[i + 1].Ts - readings[i].Ts <= maxGap ? readings[i + 1].Ts - readings[i].Ts : TimeSpan.Zero;
    }

    private static void Close(ref Open? open, List<OdourEpisode> episodes, string gas, double limit, TimeSpan minDuration)
    {
        if (open is not null && open.End - open.Start >= minDuration)
        {
            episodes.Add(new OdourEpisode(gas, open.Start, open.End, open.Peak, open.PeakAt, limit, open.Count));
        }

        open = null;
    }

    private sealed class Open(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; private set; } = start;

        public double Peak { get; private set; } = double.MinValue;

        public DateTimeOffset PeakAt { get; private set; }

        public int Count { get; private set; }

        public void Add(DateTimeOffset at, double value)
        {
            End = at;
            Count++;
            if (value > Peak)
            {
                (Peak, PeakAt) = (value, at);
            }
        }
    }
}
