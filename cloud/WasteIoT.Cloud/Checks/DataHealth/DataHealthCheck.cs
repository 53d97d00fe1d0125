namespace WasteIoT.Cloud.Checks.DataHealth;

/// <summary>
/// Makes lost data visible: gaps in each device's <c>(boot, seq)</c> numbering (a new boot starts at 1, so a reboot is
/// not a gap; messages before the first one received in a boot are counted only when the boot's first seq is above 1),
/// and devices silent for longer than allowed.
/// </summary>
public static class DataHealthCheck
{
    public static DataHealthResult Evaluate(
        IEnumerable<(string Device, long Boot, long Seq, DateTimeOffset Ts)> received,
        IReadOnlyCollection<string> expectedDevices,
        DateTimeOffset now,
        TimeSpan silentAfter)
    {
        ArgumentNullException.ThrowIfNull(expectedDevices);
        var gaps = new List<SequenceGap>();
        var lastSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        long count = 0;
        foreach (var boot in received.GroupBy(r => (r.Device, r.Boot)).OrderBy(g => g.Key.Device, StringComparer.Ordinal).ThenBy(g => g.Key.Boot))
        {
            var seqs = boot.Select(r => r.Seq).Distinct().Order().ToList();
            count += seqs.Count;
            var expected = 1L;
            foreach (var seq in seqs)
            {
                if (seq > expected)
                {
                    gaps.Add(new SequenceGap(boot.Key.Device, boot.Key.Boot, expected, seq - 1));
                }

                expected = seq + 1;
            }

            var latest = boot.Max(r => r.Ts);
            if (!lastSeen.TryGetValue(boot.Key.Device, out var seen) || latest > seen)
            {
                lastSeen[boot.Key.Device] = latest;
            }
        }

        var silent = expectedDevices
            .Where(d => !lastSeen.TryGetValue(d, out var seen) || now - seen > silentAfter)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DataHealthResult(gaps, silent, count, gaps.Sum(g => g.Missing));
    }
}
