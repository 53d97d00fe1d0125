using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.EndToEnd.Tests;

/// <summary>
/// A scripted day (Fixtures/golden-day.fleet.json) through the real processes: simulated devices running the firmware
/// core → the gateway → the cloud. What the day must show is written here by hand from the script, and read back
/// through the cloud's API exactly as the bureau's pages read it.
/// </summary>
public sealed class GoldenDayTests
{
    [Fact]
    public async Task ScriptedDayReachesTheVerdictsWrittenByHand()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        // Two days back: a closed day (cases for what the day lacked are filed) and never in the future of any clock.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(-2);
        var script = FleetFile.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "golden-day.fleet.json"));
        var fleet = script with { Start = new DateTimeOffset(day.ToDateTime(TimeOnly.FromTimeSpan(script.Start.TimeOfDay)), script.Start.Offset) };
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var county = await CountySystem.StartAsync(fleet, "--Cloud:Cases:ScanInterval", "00:00:02", "--Cloud:Cases:SettleAfter", "00:00:05", "--Cloud:Cases:ClosedDaysScanned", "3");

        // Maintenance: bin-02-03's node was replaced by bin-02-03b at 09:00 (after truck 2 tipped it), entered with its time.
        (await county.Bureau.DeleteAsync(new Uri("/api/registry/bins/bin-02-03b", UriKind.Relative))).EnsureSuccessStatusCode();
        var swapped = (await county.GetAsync("/api/registry/bins/bin-02-03")).Deserialize<Dictionary<string, JsonElement>>()!;
        swapped["device"] = JsonSerializer.SerializeToElement("bin-02-03b");
        swapped.Remove("assignments");
        var effective = Uri.EscapeDataString(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToString("O", CultureInfo.InvariantCulture));
        (await county.Bureau.PutAsJsonAsync($"/api/registry/bins/bin-02-03?effective={effective}", swapped)).EnsureSuccessStatusCode();
        var (exit, output) = await county.RunFleetAsync(fleet, speed: 1000, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, "the simulator did not get every reading acknowledged: " + output);
        await county.WaitForGatewayBacklogAsync(TimeSpan.FromMinutes(1));
        var drained = DateTimeOffset.UtcNow;
        var audit = await DayComputedAfterAsync(county, date, drained);

        // Every device reported, nothing lost, nothing counted twice — across truck-02's 28-minute dead zone, its node
        // unpowered from its fifth stop until 14:00, and site-t01 unpowered 07:30–10:30 (both boot afresh at seq 1).
        var health = audit.GetProperty("dataHealth");
        Assert.Equal(0, health.GetProperty("missing").GetInt64());
        Assert.Empty(health.GetProperty("gaps").EnumerateArray());
        Assert.Equal(CountySystem.DeviceIds(fleet).Order(StringComparer.Ordinal), audit.GetProperty("reportingDevices").EnumerateArray().Select(d => d.GetString()!).Order(StringComparer.Ordinal));

        // 密闭运输: truck 1 left household 3 with its cover open and drove the 600 m to household 4 so; truck 2 never.
        var truck1 = await county.GetAsync($"/api/audit/{date}/trucks/{Uri.EscapeDataString("沪A·D0001")}");
        var violation = Assert.Single(truck1.GetProperty("sealedTransport").GetProperty("violations").EnumerateArray());
        var leg = fleet.Trucks[0].Households;
        Assert.InRange(Metres(violation, "start", leg[2]), 0, 40);
        Assert.InRange(Metres(violation, "end", leg[3]), 0, 40);
        Assert.InRange(violation.GetProperty("distanceKm").GetDouble(), 0.5, 0.7);
        Assert.InRange(violation.GetProperty("peakSpeedKmh").GetDouble(), 20, 30);
        var truck2 = await county.GetAsync($"/api/audit/{date}/trucks/{Uri.EscapeDataString("沪A·D0002")}");
        Assert.Empty(truck2.GetProperty("sealedTransport").GetProperty("violations").EnumerateArray());

        // 不漏户: truck 1 served all 8 (leaving one bin full is not a missed household); truck 2 skipped hh-02-005 while
        // its node listened, then lost power: the two households after are unverified, not missed.
        var route1 = (await county.GetAsync($"/api/audit/{date}/routes/r-truck-01")).GetProperty("coverage");
        Assert.Equal(8, route1.GetProperty("served").GetInt32());
        Assert.Empty(route1.GetProperty("missed").EnumerateArray());
        var route2 = (await county.GetAsync($"/api/audit/{date}/routes/r-truck-02")).GetProperty("coverage");
        Assert.Equal(8, route2.GetProperty("scheduled").GetInt32());
        Assert.Equal(5, route2.GetProperty("served").GetInt32());
        Assert.Equal("hh-02-005", Assert.Single(route2.GetProperty("missed").EnumerateArray()).GetProperty("household").GetString());
        Assert.Equal(["hh-02-007", "hh-02-008"], route2.GetProperty("unverified").EnumerateArray().Select(h => h.GetProperty("household").GetString()));
        Assert.Equal("shortfall", (await county.GetAsync($"/api/audit/{date}/routes/r-truck-02")).GetProperty("state").GetString());

        // 日产日清: the bin at hh-01-006 was left full; the other two were tipped on the rounds (bin-02-03 as its old node
        // saw it before the swap; the new node's readings after it count for the same bin).
        var bins = (await county.GetAsync($"/api/audit/{date}/bins")).EnumerateArray()
            .ToDictionary(b => b.GetProperty("bin").GetString()!, b => b.GetProperty("clearance").GetProperty("verdict").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["bin-01-02"] = "Cleared", ["bin-01-06"] = "NotCleared", ["bin-02-03"] = "Cleared" }, bins);

        // Toilets: t02's cleaner came 4 times of 6; t03's 150 visitors an hour put ammonia over the class II limit;
        // t01's node was off for half its opening hours, so its cleanings cannot be judged.
        var toiletAudits = (await county.GetAsync($"/api/audit/{date}/toilets")).EnumerateArray().ToDictionary(t => t.GetProperty("toilet").GetString()!);
        var toilets = toiletAudits.ToDictionary(t => t.Key, t => t.Value.GetProperty("result"));
        Assert.Equal(("unverified", "shortfall", "ok"), (toiletAudits["t01"].GetProperty("cleaning").GetString(), toiletAudits["t02"].GetProperty("cleaning").GetString(), toiletAudits["t03"].GetProperty("cleaning").GetString()));
        Assert.InRange(toilets["t01"].GetProperty("cleanings").GetArrayLength(), 1, 5);
        Assert.Equal(4, toilets["t02"].GetProperty("cleanings").GetArrayLength());
        Assert.Equal(6, toilets["t03"].GetProperty("cleanings").GetArrayLength());
        Assert.Empty(toilets["t01"].GetProperty("exceedances").EnumerateArray());
        Assert.Empty(toilets["t02"].GetProperty("exceedances").EnumerateArray());
        Assert.NotEmpty(toilets["t03"].GetProperty("exceedances").EnumerateArray());

        // The pond rose from 4.0 m at 0.1 m/h past the 4.4 m stage of its 10,000 m³ alarm (by midnight about 5.8 m).
        var pond = (await county.GetAsync($"/api/audit/{date}/ponds/p-site-s01")).GetProperty("result");
        Assert.True(pond.GetProperty("alarm").GetBoolean(), pond.ToString());
        Assert.InRange(pond.GetProperty("volumeM3").GetDouble(), 10_000, 15_000);
        var station = (await county.GetAsync($"/api/audit/{date}/stations/s01")).GetProperty("result");
        Assert.True(station.GetProperty("disinfected").GetBoolean(), station.ToString());

        // Streets: the sweeper swept 滨江路 there and back (two passes of two) and never went to 学院路, though heard all morning.
        var roads = (await county.GetAsync($"/api/audit/{date}/roads")).EnumerateArray().ToDictionary(r => r.GetProperty("segment").GetString()!, r => r.GetProperty("work")[0]);
        Assert.Equal((2, "ok"), (roads["rd-g01"].GetProperty("result").GetProperty("done").GetInt32(), roads["rd-g01"].GetProperty("state").GetString()));
        Assert.InRange(roads["rd-g01"].GetProperty("result").GetProperty("coveredShare").GetDouble(), 0.95, 1);
        Assert.Equal((0, "shortfall"), (roads["rd-g02"].GetProperty("result").GetProperty("done").GetInt32(), roads["rd-g02"].GetProperty("state").GetString()));
        // 机扫率 by length: 761 m swept as planned of 761 + 476 m proven either way.
        Assert.InRange((await county.GetAsync($"/api/audit/{date}/summary")).GetProperty("sweepRate").GetDouble(), 0.61, 0.62);

        // The muck truck loaded at its site at 22:30, left its route to tip in a field 500 m north, then tipped again at the disposal site.
        var muck = Assert.Single((await county.GetAsync($"/api/audit/{date}/muck")).EnumerateArray());
        Assert.Equal(("沪A·D0004", "ZT-G-001"), (muck.GetProperty("truck").GetString(), muck.GetProperty("permits")[0].GetString()));
        var offRoute = Assert.Single(muck.GetProperty("result").GetProperty("offRoute").EnumerateArray());
        Assert.InRange(offRoute.GetProperty("farthestM").GetDouble(), 450, 520);
        var dumping = Assert.Single(muck.GetProperty("result").GetProperty("dumping").EnumerateArray());
        Assert.Equal((31.2245, 121.474), (Math.Round(dumping.GetProperty("lat").GetDouble(), 4), Math.Round(dumping.GetProperty("lon").GetDouble(), 3)));
        Assert.Equal(1, muck.GetProperty("result").GetProperty("tipsAtDisposalSites").GetInt32());
        Assert.Empty(muck.GetProperty("result").GetProperty("offHours").EnumerateArray());

        // The station's weighbridge: two deliveries (5.38 t and 6.00 t, the trucks' cards swiped) and one 10 t haul;
        // 1.38 t left at day end is within the 2.5 t a 50 t/day station may keep.
        var weighed = await county.GetAsync($"/api/audit/{date}/stations/s01");
        var ledger = weighed.GetProperty("ledger");
        Assert.Equal((11.38, 10.0, 1.38), (ledger.GetProperty("inT").GetDouble(), ledger.GetProperty("outT").GetDouble(), ledger.GetProperty("residualT").GetDouble()));
        Assert.Equal("ok", weighed.GetProperty("ledgerState").GetString());
        var collected = (await county.GetAsync($"/api/audit/{date}/collection")).EnumerateArray().ToDictionary(t => t.GetProperty("truck").GetString()!, t => t.GetProperty("deliveredT").GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["沪A·D0001"] = 5.38, ["沪A·D0002"] = 6.0 }, collected);

        // One case per finding, nothing else: the bureau's worklist for the day.
        var expected = new[]
        {
            "clearance bin-01-06", "coverage r-truck-02", "muckDumping 沪A·D0004", "muckOffRoute 沪A·D0004", "nodeSilent t01", "nodeSilent 沪A·D0002", "pondAlarm p-site-s01", "roadWork rd-g02",
            "sealedTransport 沪A·D0001", "toiletCleaning t02", "toiletOdour t03",
        };
        Assert.Equal(expected, await CasesAsync(county, date, expected.Length));
    }

    /// <summary>The county day as computed after <paramref name="after"/>, i.e. over every reading the gateway forwarded.</summary>
    private static async Task<JsonElement> DayComputedAfterAsync(CountySystem county, string date, DateTimeOffset after)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var audit = await county.GetAsync($"/api/audit/{date}");
            if (audit.GetProperty("computedAt").GetDateTimeOffset() > after || DateTime.UtcNow > deadline)
            {
                return audit;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>The day's cases as "kind subject", once the case filer has filed at least <paramref name="count"/> (or a minute passed).</summary>
    private static async Task<string[]> CasesAsync(CountySystem county, string date, int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await DayCasesAsync(county, date)).Length < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1_000);
        }

        // A moment more: a case filed twice would show now.
        await Task.Delay(3_000);
        return await DayCasesAsync(county, date);
    }

    private static async Task<string[]> DayCasesAsync(CountySystem county, string date) =>
        [.. (await county.GetAsync("/api/cases?limit=500")).GetProperty("items").EnumerateArray().Where(c => c.GetProperty("day").GetString() == date)
            .Select(c => c.GetProperty("kind").GetString() + " " + c.GetProperty("subject").GetString()).Order(StringComparer.Ordinal)];

    private static double Metres(JsonElement violation, string end, HouseholdStop household)
    {
        var lat = violation.GetProperty(end + "Lat").GetDouble();
        var lon = violation.GetProperty(end + "Lon").GetDouble();
        var north = (lat - household.Lat) * 111_320.0;
        var east = (lon - household.Lon) * 111_320.0 * Math.Cos(household.Lat * Math.PI / 180);
        return Math.Sqrt((north * north) + (east * east));
    }
}
