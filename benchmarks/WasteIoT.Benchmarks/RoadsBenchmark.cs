using System.Diagnostics;
using System.Globalization;
using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Roads;
using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Benchmarks;

/// <summary>
/// Map-matching a county's work vehicles for a day (issue target: 40 vehicles, 1 fix/s for 8 h, 2,000 segments) and
/// muck trucks against their permits. A grid of streets 250 m apart, each block a segment of six points; vehicles
/// drive from block to block at working speed with a few metres of GNSS noise, their equipment off one block in ten.
/// </summary>
internal static class RoadsBenchmark
{
    private const double Lat0 = 30.0;
    private const double Lon0 = 120.0;
    private const double BlockM = 250;
    private static readonly double DegreesPerMetreEast = 1 / (111_320.0 * Math.Cos(Lat0 * Math.PI / 180));

    public static int Run(int vehicles, int streetsPerSide, int muckTrucks, TextWriter output)
    {
        var random = new Random(2026);
        var day = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));
        var build = Stopwatch.StartNew();

        // Streets every 250 m east-west and north-south, each cut into blocks: streetsPerSide² × 2 segments less the edges.
        var segments = new List<PlannedSegment>();
        var work = new PlannedWork[]
        {
            new(new RoadWork(RoadTask.Sweep, 2, new(5, 0), new(9, 0)), day.AddHours(5), day.AddHours(9)),
            new(new RoadWork(RoadTask.Sprinkle, 1, new(9, 0), new(13, 0)), day.AddHours(9), day.AddHours(13)),
        };
        for (var row = 0; row < streetsPerSide; row++)
        {
            for (var block = 0; block < streetsPerSide - 1; block++)
            {
                var contractor = (row + block) % 2 == 0 ? "c-a" : "c-b";
                segments.Add(new PlannedSegment($"ew-{row}-{block}", contractor, Block(row * BlockM, block * BlockM, 0, BlockM), work));
                segments.Add(new PlannedSegment($"ns-{row}-{block}", contractor, Block(block * BlockM, row * BlockM, BlockM, 0), work));
            }
        }

        var tracks = new List<WorkTrack>();
        var fixes = 0L;
        for (var v = 0; v < vehicles; v++)
        {
            var sweeper = v % 2 == 0;
            var kmh = sweeper ? 12.0 : 20.0;
            var track = Drive(random, day.AddHours(5), TimeSpan.FromHours(8), kmh, streetsPerSide);
            fixes += track.Count;
            tracks.Add(new WorkTrack($"v-{v}", v % 4 < 2 ? "c-a" : "c-b", sweeper ? RoadTask.Sweep : RoadTask.Sprinkle, track));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"roads day built in {build.Elapsed.TotalSeconds:N1} s: {segments.Count:N0} segments, {vehicles} work vehicles, {fixes:N0} fixes"));
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var run = Stopwatch.StartNew();
        var results = RoadCoverageCheck.EvaluateDay(segments, tracks, new RoadRules());
        run.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var passes = results.Sum(r => r.Work.Sum(w => w.Done));
        var met = results.Sum(r => r.Work.Count(w => w.Met));
        using var self = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"road coverage: {run.Elapsed.TotalSeconds:N2} s ({fixes / run.Elapsed.TotalSeconds / 1e6:N2} M fixes/s), {allocated / 1048576.0:N0} MB allocated, peak working set {self.PeakWorkingSet64 / 1048576.0:N0} MB; {passes:N0} passes, {met:N0} of {results.Sum(r => r.Work.Count):N0} windows met"));

        // Muck trucks: 8 h at 1 Hz each against a permit with a 2,000-point route, sites and night hours.
        var route = Enumerable.Range(0, 2_000).Select(i => new RoadPoint(Lat0 + (i % 2 * 0.0001), Lon0 + (i * 10 * DegreesPerMetreEast))).ToList();
        var plan = new MuckPlan("ZT-1", [new Geofence(Lat0, Lon0, 150)], [new Geofence(Lat0, Lon0 + (20_000 * DegreesPerMetreEast), 200)], [route],
            [new MuckHours(day, day.AddHours(5)), new MuckHours(day.AddHours(22), day.AddHours(24))]);
        var muck = new List<PositionFix>[muckTrucks];
        for (var m = 0; m < muckTrucks; m++)
        {
            muck[m] = [.. Enumerable.Range(0, 8 * 3600).Select(s => new PositionFix(day.AddHours(21).AddSeconds(s), Lat0 + ((random.NextDouble() - 0.5) * 0.0008) + (s % 3600 > 3000 ? 0.004 : 0),
                Lon0 + (s * 8.0 % 20_000 * DegreesPerMetreEast), 29))];
        }

        run.Restart();
        var violations = 0;
        foreach (var day8 in muck)
        {
            var result = MuckTruckCheck.Evaluate(plan, day8, [day8[5_000].Ts], new MuckRules());
            violations += result.OffRoute.Count + result.OffHours.Count + result.Dumping.Count;
        }

        run.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"muck trucks: {muckTrucks} × 28,800 fixes against a 2,000-point route in {run.Elapsed.TotalSeconds:N2} s; {violations} findings"));
        return 0;
    }

    // A block from (north, east) metres, `dn`/`de` metres long, as six points.
    private static List<RoadPoint> Block(double north, double east, double dn, double de) =>
        [.. Enumerable.Range(0, 6).Select(i => new RoadPoint(Lat0 + ((north + (dn * i / 5)) / 111_320.0), Lon0 + ((east + (de * i / 5)) * DegreesPerMetreEast)))];

    // From a random crossing, block by block in random directions (never straight back), one fix a second with ±3 m noise.
    private static List<WorkFix> Drive(Random random, DateTimeOffset start, TimeSpan length, double kmh, int streets)
    {
        var fixes = new List<WorkFix>((int)length.TotalSeconds);
        var (row, col) = (random.Next(streets), random.Next(streets));
        var (dr, dc) = (0, 1);
        var ts = start;
        var metresPerSecond = kmh / 3.6;
        while (ts < start + length)
        {
            (int, int)[] ways = [(0, 1), (0, -1), (1, 0), (-1, 0)];
            var options = ways.Where(w => w != (-dr, -dc) && row + w.Item1 >= 0 && row + w.Item1 < streets && col + w.Item2 >= 0 && col + w.Item2 < streets).ToList();
            (dr, dc) = options[random.Next(options.Count)];
            var on = random.NextDouble() > 0.1;
            for (var m = 0.0; m < BlockM && ts < start + length; m += metresPerSecond, ts = ts.AddSeconds(1))
            {
                var north = (row * BlockM) + (dr * m) + ((random.NextDouble() - 0.5) * 6);
                var east = (col * BlockM) + (dc * m) + ((random.NextDouble() - 0.5) * 6);
                fixes.Add(new WorkFix(ts, Lat0 + (north / 111_320.0), Lon0 + (east * DegreesPerMetreEast), kmh, on));
            }

            (row, col) = (row + dr, col + dc);
        }

        return fixes;
    }
}
