using System.Diagnostics;
using System.Globalization;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Cloud.Checks.TransferStations;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Benchmarks;

/// <summary>
/// Every check over a county-sized day held in memory (issue target: 100,000 households, 200 trucks at 1 Hz for
/// 8 hours = 5.76 M fixes, 5,000 bins, 50 toilets, 10 transfer stations in ≤ 30 s and ≤ 2 GB). Measures the checks'
/// own cost; reading the day from the database is measured with the storage.
/// </summary>
internal static class ChecksBenchmark
{
    public static int Run(TextWriter output)
    {
        const int Trucks = 200;
        const int HouseholdsPerRoute = 500;
        const int Bins = 5_000;
        var day = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));
        var random = new Random(2026);

        var build = Stopwatch.StartNew();
        var fixes = new PositionFix[Trucks][];
        var covers = new List<CoverObservation>[Trucks];
        var routes = new ScheduledHousehold[Trucks][];
        var scans = new List<ScanRecord>[Trucks];
        for (var t = 0; t < Trucks; t++)
        {
            var lat = 31.0 + (t * 0.01);
            var lon = 121.0;
            fixes[t] = new PositionFix[8 * 3600];
            covers[t] = [new CoverObservation(day.AddHours(6).AddMinutes(-1), false)];
            routes[t] = new ScheduledHousehold[HouseholdsPerRoute];
            scans[t] = new List<ScanRecord>(HouseholdsPerRoute);
            var stop = 0;
            for (var s = 0; s < fixes[t].Length; s++)
            {
                var at = day.AddHours(6).AddSeconds(s);
                var atStop = s % 57 < 20;
                var speed = atStop ? 0 : 20 + (random.NextDouble() * 15);
                lon += speed / 3.6 / 95_000;
                fixes[t][s] = new PositionFix(at, lat, lon, speed);
                if (s % 57 == 5 && stop < HouseholdsPerRoute)
                {
                    routes[t][stop] = new ScheduledHousehold($"hh-{t}-{stop}", $"T{t:X4}{stop:X6}", lat, lon);
                    if (random.NextDouble() > 0.01)
                    {
                        scans[t].Add(new ScanRecord(routes[t][stop].Tag, at, lat + 0.00005, lon));
                    }

                    covers[t].Add(new CoverObservation(at.AddSeconds(-3), true));
                    covers[t].Add(new CoverObservation(at.AddSeconds(random.NextDouble() < 0.002 ? 120 : 12), false));
                    stop++;
                }
            }

            for (; stop < HouseholdsPerRoute; stop++)
            {
                routes[t][stop] = new ScheduledHousehold($"hh-{t}-{stop}", $"T{t:X4}{stop:X6}", lat, lon);
            }
        }

        var bins = new List<LevelSample>[Bins];
        for (var b = 0; b < Bins; b++)
        {
            bins[b] = new List<LevelSample>(96);
            var level = random.NextDouble() * 0.5;
            for (var q = 0; q < 96; q++)
            {
                level = q == 30 + (b % 20) ? 0.02 : Math.Min(1, level + (random.NextDouble() * 0.02));
                bins[b].Add(new LevelSample(day.AddMinutes(15 * q), random.NextDouble() < 0.01 ? null : level));
            }
        }

        var toilets = Enumerable.Range(0, 50).Select(i => (
            Day: new ToiletDay($"site-t{i:00}", (ToiletClass)(1 + (i % 3)), day.AddHours(6), day.AddHours(22), new HashSet<string> { $"C{i}" }),
            Badges: Enumerable.Range(0, 6).SelectMany(v => new[] { new BadgeRecord(day.AddHours(7 + (2.5 * v)).AddMinutes(10), $"C{i}", BadgeAction.CheckOut, 600) }).ToList(),
            Air: Enumerable.Range(0, 288).Select(m => new AirRecord(day.AddMinutes(5 * m), 0.2 + (random.NextDouble() * 0.3), 0.005, false)).ToList())).ToList();
        var stations = Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 288).Select(m => new AirRecord(day.AddMinutes(5 * m), random.NextDouble() * 2, random.NextDouble() * 0.08, false)).ToList()).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"county day built in {build.Elapsed.TotalSeconds:N1} s: {Trucks * 8 * 3600:N0} fixes, {Trucks * HouseholdsPerRoute:N0} households, {Bins:N0} bins × 96 readings, 50 toilets, 10 transfer stations"));

        var run = Stopwatch.StartNew();
        var violations = 0;
        var missed = 0;
        var notCleared = 0;
        var underCleaned = 0;
        var exceedances = 0;
        Parallel.For(0, Trucks, t =>
        {
            var sealedResult = SealedTransportCheck.Evaluate(fixes[t], covers[t], new SealedTransportRules());
            var coverage = CoverageCheck.Evaluate(routes[t], scans[t], new CoverageRules());
            Interlocked.Add(ref violations, sealedResult.Violations.Count);
            Interlocked.Add(ref missed, coverage.Missed.Count);
        });
        Parallel.For(0, Bins, b =>
        {
            if (DailyClearanceCheck.Evaluate($"bin-{b}", bins[b], new ClearanceRules()).Verdict != ClearanceVerdict.Cleared)
            {
                Interlocked.Increment(ref notCleared);
            }
        });
        foreach (var toilet in toilets)
        {
            var audit = ToiletAuditCheck.Evaluate(toilet.Day, toilet.Badges, toilet.Air, new ToiletRules());
            underCleaned += audit.EnoughCleanings ? 0 : 1;
            exceedances += audit.Exceedances.Count;
        }

        foreach (var station in stations)
        {
            exceedances += TransferStationCheck.Evaluate("station", station, [day.AddHours(12)], new TransferStationRules()).Exceedances.Count;
        }

        run.Stop();
        using var self = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all checks: {run.Elapsed.TotalSeconds:N2} s on {Environment.ProcessorCount} cores; peak working set {self.PeakWorkingSet64 / 1048576.0:N0} MB (day in memory included)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verdicts: {violations} open-cover violations, {missed:N0} missed households, {notCleared:N0} bins not cleared, {underCleaned} toilets under 6 cleanings, {exceedances:N0} odour exceedances"));
        return 0;
    }
}
