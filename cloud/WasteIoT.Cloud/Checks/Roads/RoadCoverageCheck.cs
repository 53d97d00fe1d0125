namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>
/// Matches work vehicles' fixes to road segments: each fix near a segment is projected onto its centre line (distance
/// across, chainage along); consecutive fixes on the segment with the task's equipment on, at a working speed and no
/// further apart than <see cref="RoadRules.MaxFixGap"/> cover the chainage between them. A run of such fixes is a
/// pass; it counts when it covers <see cref="RoadRules.PassShare"/> of the segment and starts inside one of the
/// task's windows. Passes of every vehicle of the segment's contractor add up; the road they cover is united.
/// </summary>
public static class RoadCoverageCheck
{
    /// <summary>One segment, one task, one vehicle: the day's check reduced to a single window.</summary>
    public static RoadSegmentResult Evaluate(IReadOnlyList<RoadPoint> path, RoadWork work, DateTimeOffset windowStart, DateTimeOffset windowEnd, IReadOnlyList<WorkFix> fixes, RoadRules rules)
    {
        ArgumentNullException.ThrowIfNull(work);
        var segment = new PlannedSegment("segment", "contractor", path, [new PlannedWork(work, windowStart, windowEnd)]);
        return EvaluateDay([segment], [new WorkTrack("vehicle", "contractor", work.Task, fixes)], rules)[0];
    }

    /// <summary>Every segment's day, in the order given.</summary>
    public static IReadOnlyList<RoadSegmentResult> EvaluateDay(IReadOnlyList<PlannedSegment> segments, IReadOnlyList<WorkTrack> tracks, RoadRules rules)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(rules);
        var network = new RoadNetwork([.. segments.Select(s => s.Path)], rules.LateralToleranceM);

        // For each segment and task, the windows of that task (a task may be due more than once a day).
        var windows = segments.Select(s => s.Work.GroupBy(w => w.Work.Task).ToDictionary(g => g.Key, g => (IReadOnlyList<PlannedWork>)[.. g])).ToArray();
        var trackers = segments.Select(_ => new List<PassTracker>()).ToArray();
        var matches = new List<RoadMatch>();
        foreach (var track in tracks)
        {
            var mine = new Dictionary<int, PassTracker>();
            for (var i = 0; i < track.Fixes.Count; i++)
            {
                var fix = track.Fixes[i];
                network.Match(fix.Lat, fix.Lon, matches);
                foreach (var match in matches)
                {
                    var segment = segments[match.Segment];
                    if (!string.Equals(segment.Contractor, track.Contractor, StringComparison.Ordinal) || !windows[match.Segment].TryGetValue(track.Task, out var taskWindows))
                    {
                        continue;
                    }

                    if (!mine.TryGetValue(match.Segment, out var tracker))
                    {
                        mine[match.Segment] = tracker = new PassTracker(track.Vehicle, track.Task, taskWindows, network.LengthM(match.Segment), rules);
                        trackers[match.Segment].Add(tracker);
                    }

                    tracker.Add(i, fix, match.Chainage);
                }
            }

            foreach (var tracker in mine.Values)
            {
                tracker.Finish();
            }
        }

        var results = new RoadSegmentResult[segments.Count];
        for (var s = 0; s < segments.Count; s++)
        {
            var lengthM = network.LengthM(s);
            var work = new List<RoadWorkResult>();
            foreach (var planned in segments[s].Work)
            {
                var taskWindows = windows[s][planned.Work.Task];
                var w = IndexOf(taskWindows, planned);
                var ofTask = trackers[s].Where(t => t.Task == planned.Work.Task).ToList();
                var passes = ofTask.SelectMany(t => t.Passes[w]).OrderBy(p => p.Start).ThenBy(p => p.Vehicle, StringComparer.Ordinal).ToList();
                var covered = lengthM == 0 ? 0 : Math.Min(1, UnionLength(ofTask.SelectMany(t => t.Covered[w])) / lengthM);
                work.Add(new RoadWorkResult(planned.Work.Task, planned.Work.From, planned.Work.To, planned.Work.Passes, passes.Count, Math.Round(covered, 4), passes,
                    ofTask.Sum(t => t.TooFast[w]), ofTask.Sum(t => t.EquipmentOff[w])));
            }

            var outside = trackers[s].SelectMany(t => t.Outside).OrderBy(p => p.Start).ThenBy(p => p.Vehicle, StringComparer.Ordinal).ToList();
            results[s] = new RoadSegmentResult(segments[s].Id, Math.Round(lengthM, 1), work, outside);
        }

        return results;
    }

    private static int IndexOf(IReadOnlyList<PlannedWork> windows, PlannedWork planned)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            if (ReferenceEquals(windows[i], planned))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The length of the union of chainage intervals.</summary>
    internal static double UnionLength(IEnumerable<(double From, double To)> intervals)
    {
        double total = 0, reach = double.NegativeInfinity;
        foreach (var (from, to) in intervals.OrderBy(i => i.From))
        {
            var start = Math.Max(from, reach);
            if (to > start)
            {
                total += to - start;
            }

            reach = Math.Max(reach, to);
        }

        return total;
    }
}
