using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Checks.Coverage;

/// <summary>
/// 不漏楼、不漏户 for one route and day: a household is served when one of its tag's scans was made within
/// <see cref="CoverageRules.MaxDistanceM"/> of its door. Repeats are ignored; far scans and scans without a fix
/// are listed but do not count. A household not served is missed only when the truck's node was heard over the stretch
/// of the route where it lies — from the household served before it in route order to the one served after it (the
/// start or end of the service hours at either end); otherwise it is unverified: the scan may have been made while
/// nothing was listening.
/// </summary>
public static class CoverageCheck
{
    public static CoverageResult Evaluate(IReadOnlyList<ScheduledHousehold> route, IEnumerable<ScanRecord> scans, CoverageRules rules, WindowEvidence? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(rules);
        var byTag = route.GroupBy(h => h.Tag, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var served = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
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

            if (served.ContainsKey(household.Household))
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

            served.Add(household.Household, scan.Ts);
        }

        var missed = new List<ScheduledHousehold>();
        var unverified = new List<ScheduledHousehold>();
        for (var i = 0; i < route.Count; i++)
        {
            if (served.ContainsKey(route[i].Household))
            {
                continue;
            }

            if (evidence is null || Stretch(route, served, i, evidence) is { } stretch && evidence.Covers(stretch.From, stretch.To))
            {
                missed.Add(route[i]);
            }
            else
            {
                unverified.Add(route[i]);
            }
        }

        return new CoverageResult(route.Count, served.Count, missed, far, unplaced, [.. notOnRoute], duplicates) { Unverified = unverified };
    }

    /// <summary>The time between the served households either side of <paramref name="index"/> in route order.</summary>
    private static EvidenceSpan? Stretch(IReadOnlyList<ScheduledHousehold> route, Dictionary<string, DateTimeOffset> served, int index, WindowEvidence evidence)
    {
        DateTimeOffset? before = null, after = null;
        for (var i = index - 1; i >= 0 && before is null; i--)
        {
            before = served.TryGetValue(route[i].Household, out var at) ? at : null;
        }

        for (var i = index + 1; i < route.Count && after is null; i++)
        {
            after = served.TryGetValue(route[i].Household, out var at) ? at : null;
        }

        var a = before ?? evidence.From;
        var b = after ?? evidence.To;
        return new EvidenceSpan(a < b ? a : b, a < b ? b : a);
    }
}
