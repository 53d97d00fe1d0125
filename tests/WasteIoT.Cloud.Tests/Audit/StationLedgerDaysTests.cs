using System.Net.Http.Json;
using System.Text.Json;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// A weighed transfer station (rated 50 t/day) over two hand-built days read through the API on both databases the
/// morning after: the 25th left 3 t, the 26th took 22 t in from two collection trucks and hauled out what the test
/// says. 日产日清 in tonnes is a shortfall only when the weighbridge was heard and every truck is known.
/// </summary>
public sealed class StationLedgerDaysTests
{
    private static readonly DateTimeOffset Midnight = SmallCountyDay.Midnight;

    internal static readonly (string Kind, string Csv)[] Registry =
    [
        ("contractors", "id,name,phone\nc-green,绿洁环境,\n"),
        ("trucks", "plate,contractor,devices,nodeCustody,vehicle,card\n浙A·D1234,c-green,,contractor,collection,04A1B2C3\n浙A·D5678,c-green,,contractor,collection,04A1B2C4\n浙A·T0001,c-green,,contractor,transfer,04C0FFEE\n"),
        ("sites", "id,kind,name,contractor,lat,lon,toiletClass,opens,closes,cleaners,devices,nodeCustody,ratedTonnes\nts-01,transferStation,城东转运站,c-green,30.29,120.17,,05:00,20:00,,scale-ts01,contractor,50\n"),
    ];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task FiveTonnesLeftAtDayEndIsAShortfallWithItsLedger(string database)
    {
        var (station, summary, cases, month) = await DayAsync(database, Day(transferTrips: 2));

        var ledger = station.GetProperty("ledger");
        Assert.Equal((3.0, 22.0, 20.0, 5.0), (ledger.GetProperty("carriedT").GetDouble(), ledger.GetProperty("inT").GetDouble(), ledger.GetProperty("outT").GetDouble(), ledger.GetProperty("residualT").GetDouble()));
        Assert.Equal((2.5, 0.44, false), (ledger.GetProperty("toleranceT").GetDouble(), ledger.GetProperty("utilisation").GetDouble(), ledger.GetProperty("cleared").GetBoolean()));
        Assert.Equal("shortfall", station.GetProperty("ledgerState").GetString());
        Assert.Equal((22.0, 20.0, 1), (summary.GetProperty("tonnesIn").GetDouble(), summary.GetProperty("tonnesOut").GetDouble(), summary.GetProperty("stationsNotCleared").GetInt32()));

        // The month view reads the same ledger day by day: the 25th left 3 t (over the tolerance too), the 26th 5 t.
        var days = month.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        Assert.Equal((3.0, 5.0), (days["2026-11-25"].GetProperty("residualT").GetDouble(), days["2026-11-26"].GetProperty("residualT").GetDouble()));
        Assert.Equal(station.GetProperty("ledger").GetProperty("inT").GetDouble(), days["2026-11-26"].GetProperty("inT").GetDouble());
        Assert.Equal((25.0, 20.0, 2), (month.GetProperty("inT").GetDouble(), month.GetProperty("outT").GetDouble(), month.GetProperty("daysNotCleared").GetInt32()));

        var finding = Assert.Single(cases, c => c.GetProperty("kind").GetString() == "stationClearance");
        Assert.Contains("日终存量 5.00 吨", finding.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("结转 3.00 吨 + 进站 22.00 吨 − 出站 20.00 吨", finding.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task HauledOutIsClearedAndAnUnknownTruckLeavesItUnproven(string database)
    {
        var (cleared, _, clearedCases, _) = await DayAsync(database, Day(transferTrips: 3));
        Assert.Equal(("ok", 0.0), (cleared.GetProperty("ledgerState").GetString(), cleared.GetProperty("ledger").GetProperty("residualT").GetDouble()));
        Assert.DoesNotContain(clearedCases, c => c.GetProperty("kind").GetString() == "stationClearance");

        // Two trips, and a truck with a card the registry does not know delivered too: the missing haul cannot be proven.
        var (unknown, _, unknownCases, _) = await DayAsync(database, Day(transferTrips: 2, unknownCard: true));
        Assert.Equal("unverified", unknown.GetProperty("ledgerState").GetString());
        Assert.Equal(1, unknown.GetProperty("ledger").GetProperty("unidentified").GetArrayLength());
        Assert.DoesNotContain(unknownCases, c => c.GetProperty("kind").GetString() == "stationClearance");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task TonnesPerTruckWithAStopNotWeighedAndALoadOverItsRating(string database)
    {
        // 浙A·D1234 may carry 5.5 t (its 6 t delivery at 08:38 is over); 浙A·D5678's node puts it at the station twice:
        // 07:50–08:05 (weighed at 07:53) and 13:00–13:10 (no weighing).
        var registry = Registry.Select(f => f.Kind != "trucks" ? f : (f.Kind,
            "plate,contractor,devices,nodeCustody,vehicle,card,ratedLoadKg\n浙A·D1234,c-green,,contractor,collection,04A1B2C3,5500\n浙A·D5678,c-green,truck-08,contractor,collection,04A1B2C4,\n浙A·T0001,c-green,,contractor,transfer,04C0FFEE,\n")).Concat([
            ("households", "id,address,building,lat,lon,tag\nh-001,城关镇幸福路1号,1幢,30.2741,120.1551,TAG-0001\n"),
            ("routes", "id,name,contractor,truck,serviceDays,households,starts,ends\nr-east,城东线,c-green,浙A·D1234,daily,h-001,06:00,18:00\n")]).ToArray();
        var day = Day(transferTrips: 2);
        day.Heard("truck-08", 1, Midnight.AddHours(5), Midnight.AddHours(19), TimeSpan.FromMinutes(5));
        foreach (var (from, minutes) in new[] { (Midnight.AddHours(7).AddMinutes(50), 15), (Midnight.AddHours(13), 10) })
        {
            for (var s = 0; s <= minutes * 60; s += 10)
            {
                day.Add(new TruckPosition { Device = "truck-08", Boot = 1, Seq = 0, Ts = from.AddSeconds(s), Lat = 30.29 + 0.0002, Lon = 120.17, Speed = 0, Fix = 1 });
            }
        }

        await using var cloud = await HandBuiltCounty.StartAsync(database, registry, day.Renumber());
        var collection = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/collection")).EnumerateArray().ToDictionary(t => t.GetProperty("truck").GetString()!);
        Assert.Equal((16.0, 3), (collection["浙A·D1234"].GetProperty("deliveredT").GetDouble(), collection["浙A·D1234"].GetProperty("trips").GetInt32()));
        Assert.Equal(6_000, Assert.Single(collection["浙A·D1234"].GetProperty("overloads").EnumerateArray()).GetProperty("netKg").GetInt32());
        Assert.Equal((6.0, 1), (collection["浙A·D5678"].GetProperty("deliveredT").GetDouble(), collection["浙A·D5678"].GetProperty("trips").GetInt32()));
        var unweighed = Assert.Single(collection["浙A·D5678"].GetProperty("unweighed").EnumerateArray());
        Assert.Equal("2026-11-26T05:00:00+00:00", unweighed.GetProperty("from").GetString());
        var summary = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/summary"));
        Assert.Equal((22.0, 1, 1), (summary.GetProperty("tonnesCollected").GetDouble(), summary.GetProperty("unweighedVisits").GetInt32(), summary.GetProperty("overloads").GetInt32()));

        // The month by truck and by route reads each closed day as kept: the 25th's 3 t and the 26th's 16 t for 浙A·D1234 on 城东线.
        await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-25/summary");
        var month = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/tonnage/collection/2026-11");
        Assert.Equal(25.0, month.GetProperty("deliveredT").GetDouble());
        Assert.InRange(month.GetProperty("daysKept").GetInt32(), 2, 3); // the case filer may have closed the 24th too
        var trucks = month.GetProperty("trucks").EnumerateArray().ToDictionary(t => t.GetProperty("truck").GetString()!);
        Assert.Equal((2, 4, 19.0, 1, 0), (trucks["浙A·D1234"].GetProperty("days").GetInt32(), trucks["浙A·D1234"].GetProperty("trips").GetInt32(),
            trucks["浙A·D1234"].GetProperty("deliveredT").GetDouble(), trucks["浙A·D1234"].GetProperty("overloads").GetInt32(), trucks["浙A·D1234"].GetProperty("unweighed").GetInt32()));
        Assert.Equal((1, 6.0, 1), (trucks["浙A·D5678"].GetProperty("days").GetInt32(), trucks["浙A·D5678"].GetProperty("deliveredT").GetDouble(), trucks["浙A·D5678"].GetProperty("unweighed").GetInt32()));
        var route = Assert.Single(month.GetProperty("routes").EnumerateArray());
        Assert.Equal(("r-east", 2, 4, 19.0), (route.GetProperty("route").GetString(), route.GetProperty("days").GetInt32(), route.GetProperty("trips").GetInt32(), route.GetProperty("deliveredT").GetDouble()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await cloud.Client.GetAsync(new Uri("/api/tonnage/collection/2026-13", UriKind.Relative))).StatusCode);
        var csv = await cloud.Client.GetStringAsync(new Uri("/api/exports/collection/2026-11.csv", UriKind.Relative));
        Assert.Contains("车辆 truck,浙A·D1234,c-green,r-east,2,4,19,1,0", csv, StringComparison.Ordinal);
        Assert.Contains("线路 route,r-east,c-green,浙A·D1234,2,4,19,,", csv, StringComparison.Ordinal);
        var tonnage = await cloud.Client.GetStringAsync(new Uri("/api/exports/tonnage/2026-11.csv", UriKind.Relative));
        Assert.Contains("ts-01,城东转运站,2026-11-26,3,22,20,5,未清 not cleared,4,2,0,0,50", tonnage, StringComparison.Ordinal);

        var cases = await HandBuiltCounty.CasesAsync(cloud);
        Assert.Equal(["overload 浙A·D1234 00:38:00", "unweighedVisit 浙A·D5678 05:00:00"],
            cases.Where(c => c.GetProperty("kind").GetString() is "overload" or "unweighedVisit").Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("subject").GetString()} {c.GetProperty("finding").GetString()}").Order(StringComparer.Ordinal));
    }

    /// <summary>The 25th: one 3 t delivery, nothing hauled. The 26th: 16 t and 6 t delivered, 10 t hauled per transfer trip.</summary>
    internal static StoredDay Day(int transferTrips, bool unknownCard = false)
    {
        var day = new StoredDay();
        day.Heard("scale-ts01", 1, Midnight.AddHours(-24), Midnight.AddHours(24).AddMinutes(30), TimeSpan.FromMinutes(5));
        Visit(day, Midnight.AddHours(-24 + 9), "04A1B2C3", loadedKg: 13_000, emptyKg: 10_000, delivering: true);
        var at = Midnight.AddHours(7);
        foreach (var (card, net) in new[] { ("04A1B2C3", 5_380), ("04A1B2C4", 6_000), ("04A1B2C3", 6_000), ("04A1B2C3", 4_620) })
        {
            Visit(day, at, card, loadedKg: 9_860 + net, emptyKg: 9_860, delivering: true);
            at = at.AddMinutes(45);
        }

        if (unknownCard)
        {
            Visit(day, at, "04DEAD00", loadedKg: 14_000, emptyKg: 9_000, delivering: true);
        }

        for (var trip = 0; trip < transferTrips; trip++)
        {
            Visit(day, Midnight.AddHours(12 + (2 * trip)), "04C0FFEE", loadedKg: 25_000, emptyKg: 15_000, delivering: false);
        }

        return day.Renumber();
    }

    // Two passes eight minutes apart: a delivery comes in loaded and leaves empty, a haul the other way round.
    private static void Visit(StoredDay day, DateTimeOffset at, string card, int loadedKg, int emptyKg, bool delivering)
    {
        var (first, second) = delivering ? (loadedKg, emptyKg) : (emptyKg, loadedKg);
        day.Add(new Weighing { Device = "scale-ts01", Boot = 1, Seq = 0, Ts = at, Direction = WeighDirection.In, WeightKg = first, Stable = true, Tag = card });
        day.Add(new Weighing
        {
            Device = "scale-ts01",
            Boot = 1,
            Seq = 0,
            Ts = at.AddMinutes(8),
            Direction = WeighDirection.Out,
            WeightKg = second,
            Stable = true,
            Tag = card,
            GrossKg = loadedKg,
            TareKg = emptyKg,
            NetKg = loadedKg - emptyKg,
        });
    }

    private static async Task<(JsonElement Station, JsonElement Summary, List<JsonElement> Cases, JsonElement Month)> DayAsync(string database, StoredDay day)
    {
        await using var cloud = await HandBuiltCounty.StartAsync(database, Registry, day);
        var station = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/stations/ts-01");
        var summary = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/summary");
        var month = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/tonnage/stations/ts-01/2026-11");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cloud.Client.GetAsync(new Uri("/api/tonnage/stations/t-01/2026-11", UriKind.Relative))).StatusCode);
        return (station.Clone(), summary.Clone(), await HandBuiltCounty.CasesAsync(cloud), month.Clone());
    }
}
