namespace WasteIoT.Cloud.Checks.Ponds;

/// <summary>
/// The volume a treatment unit treated over a window from its node's running totals, which restart at each boot: per
/// boot, the last total in the window less the one before the window in the same boot — or less nothing when the boot
/// began after an earlier boot's readings (it counted from 0), or less its first total in the window when nothing
/// earlier is known.
/// </summary>
public static class TreatedVolume
{
    public static double Over(IReadOnlyList<(DateTimeOffset Ts, long Boot, double TotalM3)> totals, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var ordered = totals.OrderBy(t => t.Ts).ToList();
        double treated = 0;
        foreach (var boot in ordered.Where(t => t.Ts >= from && t.Ts < to).GroupBy(t => t.Boot))
        {
            var last = boot.Last();
            var before = ordered.LastOrDefault(t => t.Ts < from && t.Boot == boot.Key);
            var earlierBoot = ordered.Any(t => t.Ts < boot.First().Ts && t.Boot != boot.Key);
            var baseline = before != default ? before.TotalM3 : earlierBoot ? 0 : boot.First().TotalM3;
            treated += Math.Max(0, last.TotalM3 - baseline);
        }

        return Math.Round(treated, 2);
    }
}
