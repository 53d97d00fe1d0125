using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Registry;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// The checks over stored data for the small county's registry on 2026-11-26 (Asia/Shanghai, UTC+8: the local day
/// is 2026-11-25T16:00Z to 2026-11-26T16:00Z). Verdicts are written out below.
/// </summary>
public sealed class CountyAuditTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task PagesOpenOnTheLatestDayWithDataOrTodayBeforeAny(string database)
    {
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        await using var cloud = await RunningCloud.StartOnAsync(database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
        await SeedRegistryAsync(cloud.Client);

        var empty = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/latest");
        Assert.Equal(("2026-11-28", false), (empty.GetProperty("date").GetString(), empty.GetProperty("hasData").GetBoolean()));

        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        var latest = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/latest");
        Assert.Equal(("2026-11-26", true), (latest.GetProperty("date").GetString(), latest.GetProperty("hasData").GetBoolean()));

        var overview = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-20/overview");
        Assert.False(overview.GetProperty("hasData").GetBoolean());
        Assert.True((await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/overview")).GetProperty("hasData").GetBoolean());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task HandBuiltDayGetsItsVerdicts(string database)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database);
        await SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());

        var county = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");
        var summary = county.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("householdsScheduled").GetInt32());
        Assert.Equal(1, summary.GetProperty("householdsServed").GetInt32());
        Assert.Equal(1, summary.GetProperty("openCoverViolations").GetInt32());
        Assert.Equal(1, summary.GetProperty("binsCleared").GetInt32());
        Assert.Equal(0, summary.GetProperty("binsNotCleared").GetInt32());
        Assert.Equal(1, summary.GetProperty("binsNoData").GetInt32());
        Assert.Equal(1, summary.GetProperty("toiletsUnderRequired").GetInt32());
        Assert.Equal(4, summary.GetProperty("odourExceedances").GetInt32());
        Assert.Equal(2, summary.GetProperty("odourEpisodes").GetInt32());
        Assert.Equal(1, summary.GetProperty("pondAlarms").GetInt32());
        Assert.Equal(10_500, summary.GetProperty("highestPondVolumeM3").GetDouble(), 3);

        var violation = county.GetProperty("trucks")[0].GetProperty("sealedTransport").GetProperty("violations")[0];
        Assert.Equal("2026-11-25T16:00:00+00:00", violation.GetProperty("start").GetString());
        Assert.Equal("2026-11-25T16:01:55+00:00", violation.GetProperty("end").GetString());
        Assert.Equal(30, violation.GetProperty("peakSpeedKmh").GetDouble());

        // Every installed node was heard all day: the failures are proven; the station's container never reported.
        Assert.Equal("shortfall", county.GetProperty("routes")[0].GetProperty("state").GetString());
        Assert.Equal(1.0, county.GetProperty("routes")[0].GetProperty("evidence").GetProperty("coverage").GetDouble());
        Assert.Equal("shortfall", county.GetProperty("toilets")[0].GetProperty("cleaning").GetString());
        Assert.Equal("violation", county.GetProperty("toilets")[0].GetProperty("odourState").GetString());
        Assert.Equal("violation", county.GetProperty("trucks")[0].GetProperty("state").GetString());
        Assert.Equal("noData", county.GetProperty("stations")[0].GetProperty("containers")[0].GetProperty("state").GetString());
        Assert.Equal("shortfall", county.GetProperty("stations")[0].GetProperty("disinfection").GetString());
        Assert.Equal("violation", county.GetProperty("ponds")[0].GetProperty("state").GetString());

        var route = county.GetProperty("routes")[0].GetProperty("coverage");
        Assert.Equal(["h-002", "h-003"], route.GetProperty("missed").EnumerateArray().Select(h => h.GetProperty("household").GetString()));
        Assert.Equal("h-002", route.GetProperty("farScans")[0].GetProperty("household").GetString());

        var toilet = county.GetProperty("toilets")[0].GetProperty("result");
        Assert.Equal(4, toilet.GetProperty("cleanings").GetArrayLength());
        Assert.Equal(4, toilet.GetProperty("byAssignedCleaners").GetInt32());
        Assert.Equal("nh3", toilet.GetProperty("exceedances")[0].GetProperty("gas").GetString());
        var episode = Assert.Single(toilet.GetProperty("episodes").EnumerateArray());
        Assert.Equal(("nh3", "2026-11-26T03:55:00+00:00", "2026-11-26T04:05:00+00:00", 1.5), (episode.GetProperty("gas").GetString(), episode.GetProperty("start").GetString(), episode.GetProperty("end").GetString(), episode.GetProperty("peak").GetDouble()));

        // The data-health page reads the same evidence: totals as the audit's, every thing, unverified ones first.
        var health = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/health");
        Assert.Equal(county.GetProperty("dataHealth").GetProperty("received").GetInt64(), health.GetProperty("received").GetInt64());
        var things = health.GetProperty("things").EnumerateArray().ToList();
        Assert.Contains(things, t => (t.GetProperty("kind").GetString(), t.GetProperty("id").GetString()) == ("toilet", "t-01"));
        var verified = things.Select(t => t.GetProperty("verified").GetBoolean()).ToList();
        Assert.Equal(verified.Order(), verified);

        var station = county.GetProperty("stations")[0];
        Assert.False(station.GetProperty("result").GetProperty("disinfected").GetBoolean());
        Assert.Equal("NoData", station.GetProperty("containers")[0].GetProperty("clearance").GetProperty("verdict").GetString());

        // The reboot is not lost data; the day has no sequence gaps.
        Assert.True(0 == county.GetProperty("dataHealth").GetProperty("missing").GetInt64(), county.GetProperty("dataHealth").ToString());
    }

    [Fact]
    public async Task ScanArrivingLateAfterABacklogDrainsChangesTheVerdict()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await SeedRegistryAsync(cloud.Client);
        var day = new StoredDay();
        day.Heard("truck-07", 2, Midnight.AddHours(5), Midnight.AddHours(20), TimeSpan.FromMinutes(5));
        day.Add(Scan(day, "TAG-0001", Midnight.AddHours(8), 30.2741, 120.1551));
        day.Add(Scan(day, "TAG-0003", Midnight.AddHours(7).AddMinutes(52), 30.2750, 120.1560));
        var readings = day.Renumber().Readings.ToList();
        var late = readings.Single(r => r.Kind == "scan" && r.Ts == Midnight.AddHours(7).AddMinutes(52));

        // The truck was in a dead zone at 07:52: everything else has arrived, the scan made there has not.
        await cloud.Service<IReadingStore>().IngestAsync([.. readings.Where(r => r != late)], [], CancellationToken.None);
        var before = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/routes/r-east");
        Assert.Equal(1, before.GetProperty("coverage").GetProperty("served").GetInt32());
        Assert.Equal(["h-002", "h-003"], before.GetProperty("coverage").GetProperty("missed").EnumerateArray().Select(h => h.GetProperty("household").GetString()));
        var county = await cloud.Service<DayAuditCache>().RefreshNowAsync(new DateOnly(2026, 11, 26), CancellationToken.None);
        var gap = Assert.Single(county.DataHealth.Gaps);
        Assert.Equal(("truck-07", 2L, late.Seq, late.Seq), (gap.Device, gap.Boot, gap.From, gap.To));

        // It arrives hours later, out of order: h-003 was served; h-002, passed between them while the node listened, was not.
        await cloud.Service<IReadingStore>().IngestAsync([late], [], CancellationToken.None);
        var after = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/routes/r-east");
        Assert.Equal(2, after.GetProperty("coverage").GetProperty("served").GetInt32());
        Assert.Equal(["h-002"], after.GetProperty("coverage").GetProperty("missed").EnumerateArray().Select(h => h.GetProperty("household").GetString()));
        county = await cloud.Service<DayAuditCache>().RefreshNowAsync(new DateOnly(2026, 11, 26), CancellationToken.None);
        Assert.Empty(county.DataHealth.Gaps);
    }

    [Fact]
    public async Task RouteNotDueThatDayHasNoCoverageAndUnknownThingsAreNotFound()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await SeedRegistryAsync(cloud.Client);
        await cloud.Client.PutAsJsonAsync("/api/registry/routes/r-east", new { id = "r-east", name = "城东线", contractor = "c-green", truck = "浙A·D1234", serviceDays = new[] { "Monday" }, households = new[] { "h-001" } });

        var route = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/routes/r-east");

        Assert.False(route.GetProperty("due").GetBoolean());
        Assert.Equal(JsonValueKind.Null, route.GetProperty("coverage").ValueKind);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cloud.Client.GetAsync(new Uri("/api/audit/2026-11-26/toilets/ts-01", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await cloud.Client.GetAsync(new Uri("/api/audit/26-11-2026/routes/r-east", UriKind.Relative))).StatusCode);

        // Every day route binds the county's one form of a date; a looser one (unpadded, a locale's) is refused before any work.
        foreach (var path in new[] { "/api/audit/2026-11-6/summary", "/api/audit/2026-02-30/overview", "/api/crew/Nov%2026%202026", "/api/checks/clearance/bin-0001/20261126" })
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await cloud.Client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    internal static async Task SeedRegistryAsync(HttpClient client)
    {
        foreach (var (kind, csv) in SmallCounty.Files)
        {
            using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
            (await client.PostAsync(new Uri($"/api/registry/{kind}.csv", UriKind.Relative), content)).EnsureSuccessStatusCode();
        }
    }

    internal static PickupScan Scan(StoredDay day, string tag, DateTimeOffset ts, double lat, double lon) =>
        new() { Device = "truck-07", Boot = 2, Seq = day.Next("truck-07", 2), Ts = ts, Tag = tag, Lat = lat, Lon = lon };

}
