using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Checks;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Settings;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// A settled day computed again takes each thing whose devices stored nothing since as it was; a late reading makes
/// only its own thing be read again — and the day is, verdict for verdict, the one an audit with nothing kept gives.
/// </summary>
public sealed class IncrementalDayTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ALateReadingRecomputesOnlyItsThingAndTheDayEqualsAFreshAudit(string database)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database, new FakeTimeProvider(SmallCountyDay.MorningAfter));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        var audit = cloud.Service<CountyAudit>();

        // Nothing came: every thing is taken as it was, and the day is the same.
        var before = audit.ThingsReused;
        var first = await audit.DayAsync(Day, CancellationToken.None);
        var things = first.Trucks.Count + first.Bins.Count + first.Toilets.Count + first.Stations.Count + first.Ponds.Count + first.Landfills.Count;
        Assert.Equal(before + things, audit.ThingsReused);
        Assert.Equal(Json(first), Json(await audit.DayAsync(Day, CancellationToken.None)));

        // A gateway back from an outage delivers bin-0001's last reading of the 26th (a new boot): 95 % full at 23:30.
        var at = SmallCountyDay.Midnight.AddHours(23.5);
        var message = new BinFillReading { Device = "bin-0001", Boot = 2, Seq = 1, Ts = at, FillingLevel = 0.95, Status = BinStatus.Ok, Echo = EchoStatus.Ok };
        StoredReading[] late = [new(message.Device, message.Boot, message.Seq, message.Kind, message.Ts, at.AddHours(8), "gw-test", WireCodec.Encode(message))];
        await cloud.Service<IReadingStore>().IngestAsync(late, [], CancellationToken.None);

        before = audit.ThingsReused;
        var after = await audit.DayAsync(Day, CancellationToken.None);
        Assert.Equal(before + things - 1, audit.ThingsReused);
        Assert.Equal(0.95, after.Bins.Single(b => b.Bin == "bin-a").Clearance.EndLevel);
        Assert.NotEqual(Json(first), Json(after));

        var fresh = new CountyAudit(cloud.Service<DeviceDay>(), cloud.Service<CountyRegistry>(), cloud.Service<IOptions<CloudOptions>>(), cloud.Service<IOptions<CheckRules>>(), cloud.Service<TimeProvider>(), keepSettled: false);
        Assert.Equal(Json(await fresh.DayAsync(Day, CancellationToken.None)), Json(after));
    }

    [Fact]
    public async Task AReadingStoredByAnotherInstanceIsSeenAtTheNextComputation()
    {
        var database = WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase();
        var time = new FakeTimeProvider(SmallCountyDay.MorningAfter);
        string[] shared = ["--Cloud:Database", "PostgreSql", "--Cloud:ConnectionString", database];
        await using var a = await RunningCloud.StartAsync(time, shared);
        await using var b = await RunningCloud.StartAsync(time, shared);
        await CountyAuditTests.SeedRegistryAsync(a.Client);
        await SmallCountyDay.StoreAsync(a.Service<IReadingStore>());
        var audit = a.Service<CountyAudit>();
        var first = await audit.DayAsync(Day, CancellationToken.None);

        // B's gateway delivers the late reading; A's own feed never hears of it, the devices' versions in the database do.
        var at = SmallCountyDay.Midnight.AddHours(23.5);
        var message = new BinFillReading { Device = "bin-0001", Boot = 2, Seq = 1, Ts = at, FillingLevel = 0.95, Status = BinStatus.Ok, Echo = EchoStatus.Ok };
        await b.Service<IReadingStore>().IngestAsync([new(message.Device, message.Boot, message.Seq, message.Kind, message.Ts, at.AddHours(8), "gw-b", WireCodec.Encode(message))], [], CancellationToken.None);

        var after = await audit.DayAsync(Day, CancellationToken.None);
        Assert.Equal(0.95, after.Bins.Single(b => b.Bin == "bin-a").Clearance.EndLevel);
        Assert.NotEqual(Json(first), Json(after));
    }

    [Fact]
    public async Task ARegistryImportRecomputesOnlyTheThingsThatReadItsKind()
    {
        await using var cloud = await RunningCloud.StartOnAsync("Sqlite", new FakeTimeProvider(SmallCountyDay.MorningAfter));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        var audit = cloud.Service<CountyAudit>();
        var first = await audit.DayAsync(Day, CancellationToken.None);
        var things = first.Trucks.Count + first.Bins.Count + first.Toilets.Count + first.Stations.Count + first.Ponds.Count;

        // A household's address corrected: routes are always computed again, no thing reads households.
        await ImportAsync(cloud, "households", csv => csv.Replace("城关镇幸福路1号", "城关镇幸福路1号之一", StringComparison.Ordinal));
        var before = audit.ThingsReused;
        var afterHouseholds = await audit.DayAsync(Day, CancellationToken.None);
        Assert.Equal(before + things, audit.ThingsReused);

        // A bin's depth re-surveyed: bins and the station (its container) are read again, trucks, toilets and the pond kept.
        await ImportAsync(cloud, "bins", csv => csv.Replace("bin-a,幸福路口,c-green,30.2742,120.1552,1100", "bin-a,幸福路口,c-green,30.2742,120.1552,1150", StringComparison.Ordinal));
        before = audit.ThingsReused;
        var afterBins = await audit.DayAsync(Day, CancellationToken.None);
        Assert.Equal(before + things - first.Bins.Count - first.Stations.Count, audit.ThingsReused);

        var fresh = new CountyAudit(cloud.Service<DeviceDay>(), cloud.Service<CountyRegistry>(), cloud.Service<IOptions<CloudOptions>>(), cloud.Service<IOptions<CheckRules>>(), cloud.Service<TimeProvider>(), keepSettled: false);
        Assert.Equal(Json(await fresh.DayAsync(Day, CancellationToken.None)), Json(afterBins));
        Assert.NotEqual(first.RegistryVersion, afterHouseholds.RegistryVersion);
    }

    private static async Task ImportAsync(RunningCloud cloud, string kind, Func<string, string> change)
    {
        var csv = WasteIoT.Cloud.Tests.Registry.SmallCounty.Files.Single(f => f.Kind == kind).Csv;
        Assert.NotEqual(csv, change(csv));
        using var content = new StringContent(change(csv), System.Text.Encoding.UTF8, "text/csv");
        (await cloud.Client.PostAsync(new Uri($"/api/registry/{kind}.csv", UriKind.Relative), content)).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("Sqlite", "small county")]
    [InlineData("PostgreSql", "small county")]
    [InlineData("Sqlite", "streets and muck trucks")]
    [InlineData("PostgreSql", "landfill")]
    public async Task ARestartedAuditTakesTheSettledDayFromTheKeptThings(string database, string county)
    {
        var (files, days) = county switch
        {
            "small county" => (WasteIoT.Cloud.Tests.Registry.SmallCounty.Files.AsEnumerable(), new[] { new StoredDay() }),
            "streets and muck trucks" => (HandBuiltCounty.Both, [RoadDaysTests.SweepAndSprinkleDay(), MuckDaysTests.BreachDay()]),
            _ => (LandfillDaysTests.Registry.AsEnumerable(), [LandfillDaysTests.Day(SmallCountyDay.Midnight.AddHours(24.5))]),
        };
        await using var cloud = await HandBuiltCounty.StartAsync(database, files, days);
        if (county == "small county")
        {
            await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        }

        // The running instance computes (and writes) the settled day; a restarted one has nothing in memory.
        var written = await cloud.Service<CountyAudit>().DayAsync(Day, CancellationToken.None);
        var restarted = Audit(cloud, keep: true);
        var taken = await restarted.DayAsync(Day, CancellationToken.None);
        var things = taken.Trucks.Count + taken.Bins.Count + taken.Toilets.Count + taken.Stations.Count + taken.Ponds.Count + taken.Landfills.Count;
        Assert.True(things > 0);
        Assert.Equal(things, restarted.ThingsReused);

        var fresh = await Audit(cloud, keep: false).DayAsync(Day, CancellationToken.None);
        Assert.Equal(Json(fresh), Json(taken));
        Assert.Equal(Json(written), Json(taken));

        // What the cases are filed from — stops and hauls judged on heard spans the API does not show — is the same too.
        var snapshot = await cloud.Service<CountyRegistry>().CurrentAsync(CancellationToken.None);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal(CaseFindings.From(fresh, true, snapshot, zone).Select(f => f.ToString()), CaseFindings.From(taken, true, snapshot, zone).Select(f => f.ToString()));
    }

    private static CountyAudit Audit(RunningCloud cloud, bool keep) =>
        new(cloud.Service<DeviceDay>(), cloud.Service<CountyRegistry>(), cloud.Service<IOptions<CloudOptions>>(), cloud.Service<IOptions<CheckRules>>(), cloud.Service<TimeProvider>(), keep,
            keep ? cloud.Service<KeptThingStore>() : null);

    [Fact]
    public async Task AnOpenDayIsAlwaysReadAgain()
    {
        // Noon of the 26th: silence is still judged up to now, so nothing of the day is kept.
        await using var cloud = await RunningCloud.StartOnAsync("Sqlite", new FakeTimeProvider(SmallCountyDay.Midnight.AddHours(12)));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        var audit = cloud.Service<CountyAudit>();

        await audit.DayAsync(Day, CancellationToken.None);
        var before = audit.ThingsReused;
        await audit.DayAsync(Day, CancellationToken.None);
        Assert.Equal(before, audit.ThingsReused);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AnOpenDayFoldedAsItArrivesIsTheDayReadWholeAtEveryRefresh(string database)
    {
        // The small county's day replayed as it is lived: every 37 minutes, the rows sent since are stored and both audits
        // judge the day at that moment. Some rows come late (a bin's morning and a truck heartbeat five hours after they
        // were sent), some twice (a retransmission), and the truck reboots mid-morning.
        var time = new FakeTimeProvider(SmallCountyDay.Midnight.AddHours(-1));
        await using var cloud = await RunningCloud.StartOnAsync(database, time);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        var store = cloud.Service<IReadingStore>();
        var live = cloud.Service<CountyAudit>();
        var whole = Audit(cloud, keep: false);
        var restarted = false;
        var rows = SmallCountyDay.Readings();
        bool Late(StoredReading r) => (r.Device == "bin-0001" && r.Ts.Hour is >= 0 and < 2) || (r.Device == "truck-07" && r.Ts == rows.Where(x => x.Device == "truck-07" && x.Ts > SmallCountyDay.Midnight.AddHours(10)).Min(x => x.Ts));
        DateTimeOffset Arrives(StoredReading r) => Late(r) ? r.Ts.AddHours(5) : r.Ts;
        Assert.True(rows.Count(r => Late(r) && r.Device == "bin-0001") >= 2);

        var stored = DateTimeOffset.MinValue;
        var steps = 0;
        long tailOnly = 0;
        for (var now = SmallCountyDay.Midnight.AddMinutes(1); now < SmallCountyDay.Midnight.AddHours(26); now = now.AddMinutes(37))
        {
            time.SetUtcNow(now);
            var batch = rows.Where(r => Arrives(r) > stored && Arrives(r) <= now).ToList();
            await store.IngestAsync(batch, [], CancellationToken.None);
            await store.IngestAsync(batch.Take(3).ToList(), [], CancellationToken.None);
            stored = now;

            // At noon the cloud restarts: the truck's folds are taken up from what the first start wrote down.
            if (!restarted && now >= SmallCountyDay.Midnight.AddHours(12))
            {
                live = Audit(cloud, keep: true);
                await live.DayAsync(Day, CancellationToken.None);
                Assert.Equal(1, live.OpenDayTracksTakenUp);
                restarted = true;
            }

            var reads = live.OpenDayWholeReads;
            var folded = await live.DayAsync(Day, CancellationToken.None);
            tailOnly += live.OpenDayWholeReads == reads ? 1 : 0;
            Assert.Equal(Json(await whole.DayAsync(Day, CancellationToken.None)), Json(folded));
            steps++;
        }

        // Most refreshes read only what was stored since; the late rows and the truck's reboot were caught all the same.
        Assert.True(tailOnly > steps / 2, $"{tailOnly} of {steps} refreshes read no window whole");
        var end = await live.DayAsync(Day, CancellationToken.None);
        Assert.Single(end.Trucks.SelectMany(t => t.SealedTransport.Violations));
        Assert.Contains(end.Routes, r => r.Coverage is { Served: > 0 });
    }

    [Fact]
    public async Task AKeptCopyThatCannotBeWrittenOrReadNeverFailsTheDayAndIsCountedOnTheHealthEndpoint()
    {
        await using var cloud = await RunningCloud.StartOnAsync("Sqlite", new FakeTimeProvider(SmallCountyDay.MorningAfter));

        // The copies' table is gone (a disk the operator restored without it, say): the settled day is still computed.
        await using (var connection = await cloud.Service<CloudDatabase>().OpenAsync(CancellationToken.None))
        {
            await using var drop = connection.Command("DROP TABLE kept_things");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());

        var fresh = Json(await Audit(cloud, keep: false).DayAsync(Day, CancellationToken.None));
        Assert.Equal(fresh, Json(await cloud.Service<CountyAudit>().DayAsync(Day, CancellationToken.None)));

        // A restarted audit cannot read the copies back either: it computes the day from its readings, and counts both.
        var restarted = Audit(cloud, keep: true);
        Assert.Equal(fresh, Json(await restarted.DayAsync(Day, CancellationToken.None)));
        Assert.Equal((1, 1), (restarted.KeptReadsFailed, restarted.KeptWritesFailed));

        // The running cloud's counts are on its health endpoint, for whoever runs it.
        using var health = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        var copies = health.RootElement.GetProperty("audit");
        Assert.True(copies.GetProperty("keptWritesFailed").GetInt64() >= 1, copies.ToString());
        Assert.Equal(cloud.Service<CountyAudit>().KeptReadsFailed, copies.GetProperty("keptReadsFailed").GetInt64());
    }

    private static string Json(CountyDay day) => JsonSerializer.Serialize(day with { ComputedAt = default }, JsonSerializerOptions.Web);
}
