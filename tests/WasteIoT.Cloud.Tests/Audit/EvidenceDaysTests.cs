using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// Hand-built days where nodes misbehave as field nodes do, on the small county's registry, read through the API on
/// both databases the morning after (the 26th closed): what each verdict proves, and exactly which cases are filed.
/// A node's silence is never a service failure, and never hides one.
/// </summary>
public sealed class EvidenceDaysTests
{
    private static readonly DateTimeOffset Midnight = SmallCountyDay.Midnight;
    private static readonly DateTimeOffset Morning = SmallCountyDay.MorningAfter;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task TruckGoingDarkMidRouteLeavesTheRestUnverifiedAndFilesItsSilence(string database)
    {
        var day = new StoredDay();
        day.Heard("truck-07", 3, Midnight.AddHours(-1), Midnight.AddHours(7).AddMinutes(30), TimeSpan.FromMinutes(5));
        day.Add(CountyAuditTests.Scan(day, "TAG-0001", Midnight.AddHours(7), 30.2741, 120.1551) with { Boot = 3 });

        var (audit, cases) = await DayAsync(database, day.Renumber());

        var route = audit.GetProperty("routes")[0];
        Assert.Equal("unverified", route.GetProperty("state").GetString());
        Assert.Empty(route.GetProperty("coverage").GetProperty("missed").EnumerateArray());
        Assert.Equal(["h-002", "h-003"], route.GetProperty("coverage").GetProperty("unverified").EnumerateArray().Select(h => h.GetProperty("household").GetString()));
        Assert.InRange(route.GetProperty("evidence").GetProperty("coverage").GetDouble(), 0.12, 0.13);
        Assert.Equal((1, 0, 2), (audit.GetProperty("summary").GetProperty("householdsServed").GetInt32(), audit.GetProperty("summary").GetProperty("householdsMissed").GetInt32(), audit.GetProperty("summary").GetProperty("householdsUnverified").GetInt32()));
        Assert.Equal(1.0, audit.GetProperty("summary").GetProperty("coverage").GetDouble());

        // The toilet sent nothing at all: counted apart, not as under its six cleanings.
        Assert.Equal((0, 1), (audit.GetProperty("summary").GetProperty("toiletsUnderRequired").GetInt32(), audit.GetProperty("summary").GetProperty("toiletsUnverified").GetInt32()));

        var silent = Assert.Single(cases);
        Assert.Equal(("nodeSilent", "浙A·D1234", "c-green"), (silent.GetProperty("kind").GetString(), silent.GetProperty("subject").GetString(), silent.GetProperty("contractor").GetString()));
        Assert.Contains("06:00–18:00", silent.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("truck-07 07:30–18:00 无数据", silent.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ToiletNodeOffForHoursHiddenByARebootIsUnverifiedButItsMeasuredOdourStands(string database)
    {
        // Boot 1 heard until 09:00, powered off, boot 2 from 15:00 at seq 1: the numbering has no gap. Two cleanings
        // were seen; ammonia 1.5 mg/m³ (class II limit 1.0) was measured in the 16:00 and 16:05 averages.
        var day = new StoredDay();
        day.Heard("site-t01", 1, Midnight.AddHours(-1), Midnight.AddHours(9), TimeSpan.FromMinutes(5))
            .Heard("site-t01", 2, Midnight.AddHours(15), Midnight.AddHours(24).AddMinutes(30), TimeSpan.FromMinutes(5));
        day.Add(new CleanerBadgeEvent { Device = "site-t01", Boot = 1, Seq = 0, Ts = Midnight.AddHours(7).AddMinutes(10), Badge = "b-001", Action = BadgeAction.CheckOut, DwellS = 600 });
        day.Add(new CleanerBadgeEvent { Device = "site-t01", Boot = 2, Seq = 0, Ts = Midnight.AddHours(17).AddMinutes(10), Badge = "b-001", Action = BadgeAction.CheckOut, DwellS = 600 });
        day.Add(new SiteAirReading { Device = "site-t01", Boot = 2, Seq = 0, Ts = Midnight.AddHours(16), Nh3 = 1.5, Sh2 = 0.005 });
        day.Add(new SiteAirReading { Device = "site-t01", Boot = 2, Seq = 0, Ts = Midnight.AddHours(16).AddMinutes(5), Nh3 = 1.5, Sh2 = 0.005 });

        var (audit, cases) = await DayAsync(database, day.Renumber());

        Assert.Empty(audit.GetProperty("dataHealth").GetProperty("gaps").EnumerateArray());
        var toilet = audit.GetProperty("toilets")[0];
        Assert.Equal(("unverified", "violation"), (toilet.GetProperty("cleaning").GetString(), toilet.GetProperty("odourState").GetString()));
        var outage = Assert.Single(toilet.GetProperty("evidence").GetProperty("outages").EnumerateArray());
        Assert.Equal(("2026-11-26T09:00:00+08:00", "2026-11-26T15:00:00+08:00", "silent"), (outage.GetProperty("from").GetString(), outage.GetProperty("to").GetString(), outage.GetProperty("reason").GetString()));
        Assert.Equal(0, audit.GetProperty("summary").GetProperty("toiletsUnderRequired").GetInt32());
        Assert.Equal(1, audit.GetProperty("summary").GetProperty("toiletsUnverified").GetInt32());

        Assert.Equal(["nodeSilent t-01", "toiletOdour t-01"], cases.Select(c => c.GetProperty("kind").GetString() + " " + c.GetProperty("subject").GetString()).Order(StringComparer.Ordinal));
        var silent = cases.Single(c => c.GetProperty("kind").GetString() == "nodeSilent");
        Assert.Contains("site-t01 09:00–15:00 无数据", silent.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("出现于 16:00:00", cases.Single(c => c.GetProperty("kind").GetString() == "toiletOdour").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task NodesFirstSwitchedOnInTheEveningGetNoCaseForTheHoursBeforeTheyExisted(string database)
    {
        var day = new StoredDay();
        foreach (var device in new[] { "truck-07", "site-t01", "site-ts01" })
        {
            day.Heard(device, 1, Midnight.AddHours(19), Midnight.AddHours(24).AddMinutes(30), TimeSpan.FromMinutes(5));
        }

        day.Heard("bin-0001", 1, Midnight.AddHours(19), Midnight.AddHours(25), TimeSpan.FromHours(1));
        day.Add(new BinFillReading { Device = "bin-0001", Boot = 1, Seq = 0, Ts = Midnight.AddHours(19).AddMinutes(30), FillingLevel = 0.9, Status = BinStatus.Ok, Echo = EchoStatus.Ok });

        var (audit, cases) = await DayAsync(database, day.Renumber());

        Assert.Empty(cases);
        var toilet = audit.GetProperty("toilets")[0];
        Assert.Equal("unverified", toilet.GetProperty("cleaning").GetString());
        Assert.Equal("13:00:00", toilet.GetProperty("evidence").GetProperty("beforeService").GetString());
        Assert.Equal("00:00:00", toilet.GetProperty("evidence").GetProperty("silent").GetString());
        Assert.Equal("noData", audit.GetProperty("routes")[0].GetProperty("state").GetString());
        Assert.Equal("unverified", audit.GetProperty("bins")[0].GetProperty("state").GetString());
        Assert.Equal("unverified", audit.GetProperty("stations")[0].GetProperty("disinfection").GetString());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task TruckSilentAllDayGivesItsRouteNoDataNotZeroServed(string database)
    {
        // In service the day before, then nothing on the 26th.
        var day = new StoredDay();
        day.Heard("truck-07", 1, Midnight.AddHours(-10), Midnight.AddHours(-8), TimeSpan.FromMinutes(5));

        var (audit, cases) = await DayAsync(database, day.Renumber());

        var summary = audit.GetProperty("summary");
        Assert.Equal((3, 0, 0, 3, 1), (summary.GetProperty("householdsScheduled").GetInt32(), summary.GetProperty("householdsServed").GetInt32(), summary.GetProperty("householdsMissed").GetInt32(),
            summary.GetProperty("householdsUnverified").GetInt32(), summary.GetProperty("routesNoData").GetInt32()));
        Assert.Equal("noData", audit.GetProperty("routes")[0].GetProperty("state").GetString());
        Assert.Equal("noData", audit.GetProperty("trucks")[0].GetProperty("state").GetString());
        Assert.Equal(["nodeSilent 浙A·D1234"], cases.Select(c => c.GetProperty("kind").GetString() + " " + c.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task PerDeviceChecksAgreeWithTheCountyAuditUnderConfiguredRules()
    {
        // Non-default rules: a bin at 20 % at day end counts as left full; a 10-second open cover is a violation.
        await using var cloud = await RunningCloud.StartOnAsync("Sqlite", new FakeTimeProvider(Morning),
            "--Cloud:Rules:Clearance:OvernightThreshold", "0.15", "--Cloud:Rules:SealedTransport:MinOpenDuration", "00:00:10", "--Cloud:Rules:Evidence:MinCoverage", "0.9");
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        var audit = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");

        var clearance = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/checks/clearance/bin-0001/2026-11-26");
        var binInAudit = audit.GetProperty("bins").EnumerateArray().Single(b => b.GetProperty("bin").GetString() == "bin-a").GetProperty("clearance");
        Assert.Equal("LeftFull", clearance.GetProperty("verdict").GetString());
        foreach (var field in new[] { "verdict", "emptied", "maxLevel", "endLevel", "readings" })
        {
            Assert.Equal(binInAudit.GetProperty(field).ToString(), clearance.GetProperty(field).ToString());
        }

        var sealedTransport = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/checks/sealed-transport/truck-07/2026-11-26");
        Assert.Equal(audit.GetProperty("trucks")[0].GetProperty("sealedTransport").ToString(), sealedTransport.ToString());
        Assert.Single(sealedTransport.GetProperty("violations").EnumerateArray());

        // The truck's boot began before midnight: neither reads that as lost data.
        foreach (var device in new[] { "truck-07", "site-t01", "bin-0001" })
        {
            var health = await cloud.Client.GetFromJsonAsync<JsonElement>($"/api/checks/data-health/{device}/2026-11-26");
            Assert.Equal(audit.GetProperty("dataHealth").GetProperty("gaps").EnumerateArray().Where(g => g.GetProperty("device").GetString() == device).Select(g => g.ToString()), health.GetProperty("gaps").EnumerateArray().Select(g => g.ToString()));
            Assert.Empty(health.GetProperty("gaps").EnumerateArray());
        }

        var evidence = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/checks/evidence/site-t01/2026-11-26");
        Assert.Empty(evidence.GetProperty("outages").EnumerateArray());
        Assert.Equal(1.0, audit.GetProperty("toilets")[0].GetProperty("evidence").GetProperty("coverage").GetDouble());
    }

    /// <summary>The county day and the 26th's cases after the morning's scan.</summary>
    private static async Task<(JsonElement Audit, List<JsonElement> Cases)> DayAsync(string database, StoredDay day)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database, new FakeTimeProvider(Morning));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await day.StoreAsync(cloud.Service<IReadingStore>());
        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        var audit = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");
        var cases = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=100")).GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("day").GetString() == "2026-11-26").Select(c => c.Clone()).ToList();
        return (audit.Clone(), cases);
    }
}
