using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// A bin's node replaced at 10:00 on the 26th, the change entered the next morning with its effective time: the day
/// is read from the old node until 10:00 and from the new one after, so routine maintenance never changes what the
/// day's evidence says.
/// </summary>
public sealed class DeviceSwapTests
{
    private static readonly DateTimeOffset Midnight = SmallCountyDay.Midnight;
    private static readonly DateTimeOffset Morning = SmallCountyDay.MorningAfter;

    [Theory]
    [InlineData("Sqlite", 8.25)]
    [InlineData("PostgreSql", 8.25)]
    [InlineData("Sqlite", 12.5)]
    public async Task NodeSwappedMidDayKeepsTheDaysEvidence(string database, double emptiedAtHour)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database, new FakeTimeProvider(Morning));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        var swap = Midnight.AddHours(10);
        var day = new StoredDay();
        day.Heard("bin-0001", 1, Midnight.AddHours(-1), swap, TimeSpan.FromHours(1))
            .Heard("bin-0002", 1, swap, Midnight.AddHours(25), TimeSpan.FromHours(1));
        foreach (var (hour, level) in new[] { (8.0, 0.9), (emptiedAtHour, 0.1), (9.0, 0.85), (12.0, 0.9), (20.0, 0.3) }.OrderBy(x => x.Item1))
        {
            // Before 10:00 the old node measures, after it the new one; the emptying is seen by whichever was there.
            var at = Midnight.AddHours(hour);
            var level2 = hour == emptiedAtHour ? 0.1 : hour > emptiedAtHour && hour != 20 ? 0.2 : level;
            day.Add(new BinFillReading { Device = at < swap ? "bin-0001" : "bin-0002", Boot = 1, Seq = 0, Ts = at, FillingLevel = level2, Status = BinStatus.Ok, Echo = EchoStatus.Ok });
        }

        await day.Renumber().StoreAsync(cloud.Service<IReadingStore>());

        // Entered the next morning, with the time it happened.
        var bin = new { id = "bin-a", name = "幸福路口", contractor = "c-green", lat = 30.2742, lon = 120.1552, depthMm = 1100, capacityL = 240, wasteKind = "residual", device = "bin-0002", site = "" };
        var put = await cloud.Client.PutAsJsonAsync($"/api/registry/bins/bin-a?effective={Uri.EscapeDataString("2026-11-26T10:00:00+08:00")}", bin);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var assignments = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignments").EnumerateArray()
            .Select(a => (a.GetProperty("device").GetString(), a.GetProperty("from").ValueKind == JsonValueKind.Null ? null : (DateTimeOffset?)a.GetProperty("from").GetDateTimeOffset(), a.GetProperty("to").ValueKind == JsonValueKind.Null ? null : (DateTimeOffset?)a.GetProperty("to").GetDateTimeOffset())).ToList();
        Assert.Equal([("bin-0001", null, swap), ("bin-0002", swap, null)], assignments);

        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        var audit = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");
        var binAudit = audit.GetProperty("bins").EnumerateArray().Single(b => b.GetProperty("bin").GetString() == "bin-a");
        Assert.Equal("Cleared", binAudit.GetProperty("clearance").GetProperty("verdict").GetString());
        Assert.Equal("ok", binAudit.GetProperty("state").GetString());
        Assert.Equal(1.0, binAudit.GetProperty("evidence").GetProperty("coverage").GetDouble());
        Assert.Equal(0.3, binAudit.GetProperty("latestLevel").GetDouble());
        var cases = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=100")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ToList();
        Assert.DoesNotContain("clearance", cases);
        Assert.DoesNotContain("nodeSilent", cases);

        // Neither node is silent that day: the old one until it left at 10:00, the new one since.
        var silent = audit.GetProperty("dataHealth").GetProperty("silentDevices").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.DoesNotContain("bin-0001", silent);
        Assert.DoesNotContain("bin-0002", silent);
        var old = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/checks/data-health/bin-0001/2026-11-26");
        Assert.Empty(old.GetProperty("silentDevices").EnumerateArray());
        Assert.Empty(old.GetProperty("unassigned").EnumerateArray());
        var nextDay = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/checks/data-health/bin-0001/2026-11-27");
        Assert.Equal(["bin-0001"], nextDay.GetProperty("unassigned").EnumerateArray().Select(d => d.GetString()));
        Assert.Empty(nextDay.GetProperty("silentDevices").EnumerateArray());
    }

    [Fact]
    public async Task ASwapCannotTakeEffectBeforeTheNodeItReplacesWasAssigned()
    {
        await using var cloud = await RunningCloud.StartAsync(new FakeTimeProvider(Morning));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        var bin = new { id = "bin-a", name = "幸福路口", contractor = "c-green", lat = 30.2742, lon = 120.1552, depthMm = 1100, capacityL = 240, wasteKind = "residual", device = "bin-0002", site = "" };
        (await cloud.Client.PutAsJsonAsync($"/api/registry/bins/bin-a?effective={Uri.EscapeDataString("2026-11-26T10:00:00+08:00")}", bin)).EnsureSuccessStatusCode();

        var back = await cloud.Client.PutAsJsonAsync($"/api/registry/bins/bin-a?effective={Uri.EscapeDataString("2026-11-26T09:00:00+08:00")}", bin with { device = "bin-0003" });

        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Contains("before device 'bin-0002' was assigned", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The CSV carries the effective time too.
        using var csv = new StringContent("id,name,contractor,lat,lon,depthMm,capacityL,wasteKind,device,site,effective\nbin-a,幸福路口,c-green,30.2742,120.1552,1100,240,residual,bin-0003,,2026-11-26T15:00:00+08:00\n", System.Text.Encoding.UTF8, "text/csv");
        var report = await (await cloud.Client.PostAsync(new Uri("/api/registry/bins.csv", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        var stored = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/bins/bin-a");
        Assert.Equal(["bin-0001", "bin-0002", "bin-0003"], stored.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("device").GetString()));
    }
}
