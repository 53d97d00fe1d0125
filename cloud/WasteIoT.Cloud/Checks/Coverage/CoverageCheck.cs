namespace WasteIoT.Cloud.Checks.Coverage;

/// <summary>
/// 不漏楼、不漏户 for one route and day: a household is served when one of its tag's scans was made within
/// <see cref="CoverageRules.MaxDistanceM"/> of its door. Repeats are ignored; far scans and scans without a fix
/// are listed but do not count.
/// </summary>
public static class CoverageCheck
{
    public static CoverageResult Evaluate(IReadOnlyList<ScheduledHousehold> route, IEnumerable<ScanRecord> scans, CoverageRules rules)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(rules);
        var byTag = route.GroupBy(h => h.Tag, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var served = new HashSet<string>(StringComparer.Ordinal);
        var far = new List<FarScan>();
        var unplaced = new List<ScanRecord>();
        var notOnRoute = new SortedSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var scan in scans.OrderBy(s => s.Ts))
        {
            if (!byTag.TryGetValue(scan.Tag, out var household))
            {
                notOnRoute.Add(scan.Tag);
                continue;
            }

            if (served.Contains(household.Household))
            {
                duplicates++;
                continue;
            }

            if (scan.Lat is not { } lat || scan.Lon is not { } lon)
            {
                unplaced.Add(scan);
                continue;
            }

            var distance = Geo.DistanceM(lat, lon, household.Lat, household.Lon);
            if (distance > rules.MaxDistanceM)
            {
                far.Add(new FarScan(household.Household, scan.Tag, scan.Ts, distance));
                continue;
            }

            served.Add(household.Household);
        }

        var missed = route.Where(h => !served.Contains(h.Household)).ToList();
        return new CoverageResult(route.Count, served.Count, missed, far, unplaced, [.. notOnRoute], duplicates);
    }
}
