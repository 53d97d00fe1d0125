using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Checks;
using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Settings;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Benchmarks;

/// <summary>
/// The county's whole day audited from the database, as the cloud does it: a child process stores a county-sized
/// day (registry and readings) in SQLite; this process then runs <see cref="CountyAudit.DayAsync"/> over it, so its
/// peak working set is the audit's alone. Issue target: ≤ 30 s and ≤ 2 GB.
/// </summary>
internal static class AuditBenchmark
{
    private static readonly DateOnly Date = new(2026, 11, 26);
    private static readonly DateTimeOffset Six = new(2026, 11, 26, 6, 0, 0, TimeSpan.FromHours(8));

    public static async Task<int> RunAsync(int trucks, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("wiot-audit-").FullName;
        try
        {
            var seed = Stopwatch.StartNew();
            using (var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["audit-seed", data, trucks.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                await child.WaitForExitAsync();
                if (child.ExitCode != 0)
                {
                    return child.ExitCode;
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {seed.Elapsed.TotalSeconds:N0} s; database {new FileInfo(Path.Combine(data, "cloud.db")).Length / 1048576.0:N0} MB"));
            using var database = new SqliteCloudDatabase(Path.Combine(data, "cloud.db"));
            using var store = new SqliteReadingStore(database);
            var registry = new CountyRegistry(new RegistryStore(database, TimeProvider.System), TimeProvider.System);
            var audit = NewAudit(registry, store, keep: true, new KeptThingStore(database));
            for (var run = 1; run <= 2; run++)
            {
                await TimedAsync(audit, run == 1 ? "audit run 1 (cold)" : "audit run 2 (nothing new: each thing kept)", output);
            }

            // Late data, stored as ingest stores it: one truck's fix, then one bin's reading.
            var truckFix = new TruckPosition { Device = "truck-000", Boot = 2, Seq = 1, Ts = Six.AddHours(9), Lat = 31.0, Lon = 121.01, Speed = 0, Fix = 1 };
            var binFill = new BinFillReading { Device = "bin-0000", Boot = 2, Seq = 1, Ts = Six.AddHours(15), FillingLevel = 0.97, Status = BinStatus.Ok, Echo = EchoStatus.Ok };
            foreach (var (late, what) in new (DeviceMessage, string)[] { (truckFix, "one truck's late fix"), (binFill, "one bin's late reading") })
            {
                List<StoredReading> rows = [];
                Add(rows, late);
                await store.IngestAsync(rows, [], CancellationToken.None);
                await TimedAsync(audit, "audit after " + what, output);
            }

            // A registry change no kept thing reads: one household's address corrected (routes are computed every time).
            var household = (await registry.CurrentAsync(CancellationToken.None)).Find<Household>(RegistryKinds.Households, "hh-000-000")!;
            await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Households)!, household with { Address = household.Address + "之一" }, CancellationToken.None);
            await TimedAsync(audit, "audit after one household's address corrected", output);

            // The same day from an audit that keeps nothing: every verdict must be the same.
            var kept = await audit.DayAsync(Date, CancellationToken.None);
            var fresh = await NewAudit(registry, store, keep: false, null).DayAsync(Date, CancellationToken.None);
            string Json(CountyDay d) => System.Text.Json.JsonSerializer.Serialize(d with { ComputedAt = default }, System.Text.Json.JsonSerializerOptions.Web);
            output.WriteLine($"kept day equals a fresh audit's: {Json(kept) == Json(fresh)}");

            // A restarted cloud: a new process with nothing in memory takes the settled day from kept_things.
            using (var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["audit-restart", data]) { UseShellExecute = false })!)
            {
                await child.WaitForExitAsync();
            }
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The child process of a restart: the settled day audited with nothing in memory but what kept_things holds.</summary>
    public static async Task<int> RestartAsync(string data, TextWriter output)
    {
        using var database = new SqliteCloudDatabase(Path.Combine(data, "cloud.db"));
        using var store = new SqliteReadingStore(database);
        var audit = NewAudit(new CountyRegistry(new RegistryStore(database, TimeProvider.System), TimeProvider.System), store, keep: true, new KeptThingStore(database));
        await TimedAsync(audit, "audit after a restart (a new process)", output);
        return 0;
    }

    /// <summary>The child process: writes the registry and the day's readings.</summary>
    /// <param name="until">Bins' and sites' readings only up to this moment (a live day seeded up to its "now").</param>
    public static async Task<int> SeedAsync(string data, int trucks, DateTimeOffset? until = null)
    {
        using var database = new SqliteCloudDatabase(Path.Combine(data, "cloud.db"));
        using var store = new SqliteReadingStore(database);
        return await SeedAsync(database, store, trucks, until);
    }

    /// <summary>The county's registry and day into any cloud database (the city benchmark seeds its counties on PostgreSQL).</summary>
    public static async Task<int> SeedAsync(CloudDatabase database, SqlReadingStore store, int trucks, DateTimeOffset? until = null)
    {
        var last = until ?? DateTimeOffset.MaxValue;
        var registry = new RegistryStore(database, TimeProvider.System);
        var random = new Random(2026);
        await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Contractors)!, [new Contractor("c-1", "绿洁环境", "")], CancellationToken.None);
        var households = new List<IRegistryEntity>();
        var routes = new List<IRegistryEntity>();
        var truckRows = new List<IRegistryEntity>();
        var batch = new List<StoredReading>(500);
        for (var t = 0; t < trucks; t++)
        {
            var device = $"truck-{t:000}";
            truckRows.Add(new Truck($"T-{t:000}", "c-1", [device]));
            var lat = 31.0 + (t * 0.01);
            var lon = 121.0;
            var seq = 0L;
            var stop = 0;
            var stops = new List<string>();
            for (var s = 0; s < 8 * 3600; s++)
            {
                var at = Six.AddSeconds(s);
                var atStop = s % 57 < 20;
                var speed = atStop ? 0 : 20 + (random.NextDouble() * 15);
                lon += speed / 3.6 / 95_000;
                Add(batch, new TruckPosition { Device = device, Boot = 1, Seq = ++seq, Ts = at, Lat = lat, Lon = lon, Speed = Math.Round(speed, 1), Fix = 1 });
                if (s % 57 == 5 && stop < 500)
                {
                    var id = $"hh-{t:000}-{stop:000}";
                    households.Add(new Household(id, $"{t}号路{stop}号", $"{stop / 20}幢", lat, lon, $"T{t:X4}{stop:X6}"));
                    stops.Add(id);
                    Add(batch, new CargoCoverEvent { Device = device, Boot = 1, Seq = ++seq, Ts = at.AddSeconds(-3), State = CoverState.Open });
                    if (random.NextDouble() > 0.01)
                    {
                        Add(batch, new PickupScan { Device = device, Boot = 1, Seq = ++seq, Ts = at, Tag = $"T{t:X4}{stop:X6}", Lat = lat + 0.00005, Lon = lon });
                    }

                    Add(batch, new CargoCoverEvent { Device = device, Boot = 1, Seq = ++seq, Ts = at.AddSeconds(random.NextDouble() < 0.002 ? 120 : 12), State = CoverState.Closed });
                    stop++;
                }

                await FlushIfFullAsync(store, batch);
            }

            await FlushAsync(store, batch);
            routes.Add(new CollectionRoute($"r-{t:000}", $"{t}号线", "c-1", $"T-{t:000}", Enum.GetValues<DayOfWeek>(), stops));
        }

        var bins = new List<IRegistryEntity>();
        for (var b = 0; b < 5_000; b++)
        {
            var device = $"bin-{b:0000}";
            bins.Add(new Bin($"b-{b:0000}", $"垃圾桶{b}", "c-1", 31 + (b * 0.0001), 121.5, 1100, 240, "residual", device, string.Empty));
            var level = random.NextDouble() * 0.5;
            for (var q = 0; q < 96; q++)
            {
                level = q == 30 + (b % 20) ? 0.02 : Math.Min(1, level + (random.NextDouble() * 0.02));
                if (Six.AddHours(-6).AddMinutes(15 * q) > last)
                {
                    continue;
                }

                Add(batch, new BinFillReading { Device = device, Boot = 1, Seq = q + 1, Ts = Six.AddHours(-6).AddMinutes(15 * q), FillingLevel = random.NextDouble() < 0.01 ? null : Math.Round(level, 3), Status = BinStatus.Ok, Echo = EchoStatus.Ok });
            }

            await FlushIfFullAsync(store, batch);
        }

        var sites = new List<IRegistryEntity>();
        var badges = new List<IRegistryEntity>();
        for (var i = 0; i < 60; i++)
        {
            var toilet = i < 50;
            var device = toilet ? $"site-t{i:00}" : $"site-s{i:00}";
            badges.Add(new Badge($"C{i}", $"保洁员{i}", BadgeRole.Cleaner, "c-1"));
            sites.Add(new Site(toilet ? $"t-{i:00}" : $"s-{i:00}", toilet ? SiteKind.Toilet : SiteKind.TransferStation, $"站点{i}", "c-1", 31.2, 121.2 + (i * 0.001),
                toilet ? (ToiletClass)(1 + (i % 3)) : null, new TimeOnly(6, 0), new TimeOnly(22, 0), toilet ? [$"C{i}"] : [], [device]));
            var seq = 0L;
            for (var m = 0; m < 288; m++)
            {
                if (Six.AddHours(-6).AddMinutes(5 * m) > last)
                {
                    continue;
                }

                Add(batch, new SiteAirReading { Device = device, Boot = 1, Seq = ++seq, Ts = Six.AddHours(-6).AddMinutes(5 * m), Nh3 = Math.Round(0.2 + (random.NextDouble() * (toilet ? 0.3 : 2)), 3), Sh2 = Math.Round(random.NextDouble() * 0.08, 4) });
            }

            for (var v = 0; v < 6 && toilet && Six.AddHours(1 + (2.5 * v)).AddMinutes(10) <= last; v++)
            {
                Add(batch, new CleanerBadgeEvent { Device = device, Boot = 1, Seq = ++seq, Ts = Six.AddHours(1 + (2.5 * v)).AddMinutes(10), Badge = $"C{i}", Action = BadgeAction.CheckOut, DwellS = 600 });
            }

            if (!toilet)
            {
                Add(batch, new DisinfectionRecord { Device = device, Boot = 1, Seq = ++seq, Ts = Six.AddHours(6), Badge = $"C{i}" });
            }

            await FlushAsync(store, batch);
        }

        await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Badges)!, badges, CancellationToken.None);
        await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Trucks)!, truckRows, CancellationToken.None);
        await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Households)!, households, CancellationToken.None);
        await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Routes)!, routes, CancellationToken.None);
        await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Sites)!, sites, CancellationToken.None);
        await registry.UpsertAsync(RegistryKinds.Find(RegistryKinds.Bins)!, bins, CancellationToken.None);
        return 0;
    }

    private static async Task TimedAsync(CountyAudit audit, string label, TextWriter output)
    {
        var reused = audit.ThingsReused;
        var clock = Stopwatch.StartNew();
        var day = await audit.DayAsync(Date, CancellationToken.None);
        clock.Stop();
        using var self = Process.GetCurrentProcess();
        var s = day.Summary;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {clock.Elapsed.TotalSeconds:N2} s, {audit.ThingsReused - reused:N0} things kept, peak working set {self.PeakWorkingSet64 / 1048576.0:N0} MB; {day.Trucks.Sum(t => t.Fixes):N0} fixes, coverage {s.HouseholdsServed:N0}/{s.HouseholdsScheduled:N0}, {s.OpenCoverViolations} open-cover violations, {s.BinsCleared:N0} bins cleared / {s.BinsNotCleared:N0} not / {s.BinsNoData} no data, {s.ToiletsUnderRequired} toilets under 6, {s.OdourExceedances:N0} odour exceedances"));
    }

    private static CountyAudit NewAudit(CountyRegistry registry, IReadingStore store, bool keep, KeptThingStore? kept)
    {
        var now = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        return new CountyAudit(new DeviceDay(store), registry, Options.Create(new CloudOptions()), Options.Create(new CheckRules()), new FixedTime(now), keep, kept);
    }

    private static void Add(List<StoredReading> batch, DeviceMessage m) =>
        batch.Add(new StoredReading(m.Device, m.Boot, m.Seq, m.Kind, m.Ts, m.Ts, "gw-bench", WireCodec.Encode(m)));

    private static async Task FlushIfFullAsync(SqlReadingStore store, List<StoredReading> batch)
    {
        if (batch.Count >= 500)
        {
            await FlushAsync(store, batch);
        }
    }

    private static async Task FlushAsync(SqlReadingStore store, List<StoredReading> batch)
    {
        await store.IngestAsync(batch, [], CancellationToken.None);
        batch.Clear();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
