
namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>
/// Matches a work vehicle's fixes to a road segment: each fix is projected onto the centre line (distance across,
/// chainage along); consecutive fixes on the segment with the equipment on, at a working speed and no further apart
/// than <see cref="RoadRules.MaxFixGap"/> cover the chainage between them. A run of such fixes is a pass; it counts
/// when it covers <see cref="RoadRules.PassShare"/> of the segment and starts inside the task's window.
/// </summary>
public static class RoadCoverageCheck
{
    public static RoadWorkResult Evaluate(IReadOnlyList<RoadPoint> path, RoadWork work, DateTimeOffset windowStart, DateTimeOffset windowEnd, IReadOnlyList<WorkFix> fixes, RoadRules rules)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(fixes);
        ArgumentNullException.ThrowIfNull(rules);
        var line = new CentreLine(path);
        var maxKmh = rules.MaxSpeedKmh(work.Task);
        var passes = new List<RoadPass>();
        var covered = new List<(double From, double To)>();
        var run = new List<(double From, double To)>();
        DateTimeOffset? runStart = null;
        DateTimeOffset runEnd = default;
        (double Chainage, DateTimeOffset Ts)? previous = null;
        int tooFast = 0, equipmentOff = 0, outside = 0;

        void EndRun()
        {
            if (runStart is { } start)
            {
                var share = Length(run) / line.LengthM;
                if (share >= rules.PassShare)
                {
                    if (start >= windowStart && start < windowEnd)
                    {
                        passes.Add(new RoadPass(start, runEnd, Math.Min(1, share)));
                        covered.AddRange(run);
                    }
                    else
                    {
                        outside++;
                    }
                }
                else if (start >= windowStart && start < windowEnd)
                {
                    // A partial run inside the window still covers road, though it is not a pass.
                    covered.AddRange(run);
                }
            }

            run.Clear();
            runStart = null;
            previous = null;
        }

        foreach (var fix in fixes.OrderBy(f => f.Ts))
        {
            var (across, chainage) = line.Project(fix.Lat, fix.Lon);
            var onSegment = across <= rules.LateralToleranceM;
            var moving = fix.SpeedKmh >= rules.MinSpeedKmh;
            if (onSegment && moving && fix.EquipmentOn && fix.SpeedKmh > maxKmh)
            {
                tooFast++;
            }
            else if (onSegment && moving && !fix.EquipmentOn)
            {
                equipmentOff++;
            }

            var working = onSegment && moving && fix.EquipmentOn && fix.SpeedKmh <= maxKmh;
            if (!working || (previous is { } gap && fix.Ts - gap.Ts > rules.MaxFixGap))
            {
                EndRun();
                if (!working)
                {
                    continue;
                }
            }

            if (previous is { } last)
            {
                run.Add((Math.Min(last.Chainage, chainage), Math.Max(last.Chainage, chainage)));
            }

            runStart ??= fix.Ts;
            runEnd = fix.Ts;
            previous = (chainage, fix.Ts);
        }

        EndRun();
        return new RoadWorkResult(work.Task, work.From, work.To, work.Passes, passes.Count, line.LengthM == 0 ? 0 : Math.Min(1, Length(covered) / line.LengthM),
            passes, outside, tooFast, equipmentOff);
    }

    /// <summary>The length of the union of chainage intervals.</summary>
    private static double Length(List<(double From, double To)> intervals)
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

    /// <summary>The centre line in local metres (equirectangular about its first point: exact enough over a 50 km segment's width).</summary>
    private sealed class CentreLine
    {
        private readonly double _lat0;
        private readonly double _lon0;
        private readonly double _cosLat;
        private readonly (double X, double Y)[] _points;
        private readonly double[] _chainage;

        public CentreLine(IReadOnlyList<RoadPoint> path)
        {
            _lat0 = path[0].Lat;
            _lon0 = path[0].Lon;
            _cosLat = Math.Cos(_lat0 * Math.PI / 180);
            _points = [.. path.Select(p => Local(p.Lat, p.Lon))];
            _chainage = new double[_points.Length];
            for (var i = 1; i < _points.Length; i++)
            {
                _chainage[i] = _chainage[i - 1] + Distance(_points[i - 1], _points[i]);
            }
        }

        public double LengthM => _chainage[^1];

        /// <summary>Distance from the line and how far along it the nearest point lies.</summary>
        public (double Across, double Chainage) Project(double lat, double lon)
        {
            var p = Local(lat, lon);
            var best = (Across: double.PositiveInfinity, Chainage: 0.0);
            for (var i = 1; i < _points.Length; i++)
            {
                var (a, b) = (_points[i - 1], _points[i]);
                var (dx, dy) = (b.X - a.X, b.Y - a.Y);
                var lengthSquared = (dx * dx) + (dy * dy);
                var t = lengthSquared == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / lengthSquared, 0, 1);
                var foot = (X: a.X + (t * dx), Y: a.Y + (t * dy));
                var across = Distance(p, foot);
                if (across < best.Across)
                {
                    best = (across, _chainage[i - 1] + (t * Math.Sqrt(lengthSquared)));
                }
            }

            return best;
        }

        private (double X, double Y) Local(double lat, double lon) =>
            ((lon - _lon0) * 111_320.0 * _cosLat, (lat - _lat0) * 111_320.0);

        private static double Distance((double X, double Y) a, (double X, double Y) b) =>
            Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
    }
}
