using System.Net.Http.Json;
using System.Text.Json;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// The station's two 10 t hauls of the 26th (12:08 and 14:08) followed to the landfill's weighbridge, on both
/// databases: the first weighed in at 12:50, the second never. A haul that reached no landfill is a case only when the
/// landfill's scale was heard over the whole time it had to arrive.
/// </summary>
public sealed class LandfillDaysTests
{
    private static readonly DateTimeOffset Midnight = SmallCountyDay.Midnight;

    internal static readonly (string Kind, string Csv)[] Registry =
    [
        .. StationLedgerDaysTests.Registry.Where(f => f.Kind != "sites"),
        ("sites", "id,kind,name,contractor,lat,lon,toiletClass,opens,closes,cleaners,devices,nodeCustody,ratedTonnes\n"
            + "ts-01,transferStation,城东转运站,c-green,30.29,120.17,,05:00,20:00,,scale-ts01,contractor,50\n"
            + "lf-01,landfill,县生活垃圾填埋场,c-green,30.35,120.25,,00:00,00:00,,scale-lf01,contractor,300\n"),
    ];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AHaulThatNeverReachedTheLandfillIsACaseAndTheOneThatDidIsDisposed(string database)
    {
        await using var cloud = await HandBuiltCounty.StartAsync(database, Registry, Day(landfillHeardUntil: Midnight.AddHours(24).AddMinutes(30)));

        var hauls = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/hauls")).EnumerateArray().ToList();
        Assert.Equal([("ok", "lf-01", 9_900), ("shortfall", null, 0)], hauls.Select(h => (h.GetProperty("state").GetString(), h.GetProperty("landfill").GetString(),
            h.GetProperty("disposedKg").ValueKind == JsonValueKind.Null ? 0 : h.GetProperty("disposedKg").GetInt32())));
        var landfill = Assert.Single((await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/landfills")).EnumerateArray());
        Assert.Equal((9.9, 0.033), (landfill.GetProperty("disposedT").GetDouble(), landfill.GetProperty("utilisation").GetDouble()));
        var summary = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/summary");
        Assert.Equal((9.9, 1, 0), (summary.GetProperty("tonnesDisposed").GetDouble(), summary.GetProperty("haulsNotDisposed").GetInt32(), summary.GetProperty("haulsUnverified").GetInt32()));

        var finding = Assert.Single(await HandBuiltCounty.CasesAsync(cloud), c => c.GetProperty("kind").GetString() == "haulNotDisposed");
        Assert.Equal(("浙A·T0001", "06:08:00"), (finding.GetProperty("subject").GetString(), finding.GetProperty("finding").GetString()));
        Assert.Contains("14:08:00 在城东转运站过磅运出净重 10.00 吨，此后 180 分钟内未在任何处置场地磅过磅进场", finding.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ALandfillScaleSilentWhileAHaulWasDueLeavesItUnproven(string database)
    {
        await using var cloud = await HandBuiltCounty.StartAsync(database, Registry, Day(landfillHeardUntil: Midnight.AddHours(15)));

        var hauls = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/hauls")).EnumerateArray().ToList();
        Assert.Equal(["ok", "unverified"], hauls.Select(h => h.GetProperty("state").GetString()));
        Assert.DoesNotContain(await HandBuiltCounty.CasesAsync(cloud), c => c.GetProperty("kind").GetString() == "haulNotDisposed");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ACollectionTruckDeliveringStraightToTheLandfillIsCollectedAndDisposed(string database)
    {
        var day = Day(landfillHeardUntil: Midnight.AddHours(24).AddMinutes(30));

        // 浙A·D5678 takes its second load of 7 t to the landfill at 16:00 instead of the station.
        day.Add(new Weighing { Device = "scale-lf01", Boot = 1, Seq = 0, Ts = Midnight.AddHours(16), Direction = WeighDirection.In, WeightKg = 16_860, Stable = true, Tag = "04A1B2C4" });
        day.Add(new Weighing { Device = "scale-lf01", Boot = 1, Seq = 0, Ts = Midnight.AddHours(16).AddMinutes(8), Direction = WeighDirection.Out, WeightKg = 9_860, Stable = true, Tag = "04A1B2C4", GrossKg = 16_860, TareKg = 9_860, NetKg = 7_000 });
        await using var cloud = await HandBuiltCounty.StartAsync(database, Registry, day.Renumber());

        var collection = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/collection")).EnumerateArray().ToDictionary(t => t.GetProperty("truck").GetString()!);
        Assert.Equal((13.0, 2), (collection["浙A·D5678"].GetProperty("deliveredT").GetDouble(), collection["浙A·D5678"].GetProperty("trips").GetInt32()));
        var summary = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/summary");
        Assert.Equal((29.0, 16.9, 22.0), (summary.GetProperty("tonnesCollected").GetDouble(), summary.GetProperty("tonnesDisposed").GetDouble(), summary.GetProperty("tonnesIn").GetDouble()));
    }

    internal static StoredDay Day(DateTimeOffset landfillHeardUntil)
    {
        var day = StationLedgerDaysTests.Day(transferTrips: 2);
        day.Heard("scale-lf01", 1, Midnight.AddHours(-1), landfillHeardUntil, TimeSpan.FromMinutes(5));

        // The first haul comes in at 12:50 loaded (24,900 kg: the two scales differ by 100 kg) and leaves empty.
        var at = Midnight.AddHours(12).AddMinutes(42);
        day.Add(new Weighing { Device = "scale-lf01", Boot = 1, Seq = 0, Ts = at, Direction = WeighDirection.In, WeightKg = 24_900, Stable = true, Tag = "04C0FFEE" });
        day.Add(new Weighing { Device = "scale-lf01", Boot = 1, Seq = 0, Ts = at.AddMinutes(8), Direction = WeighDirection.Out, WeightKg = 15_000, Stable = true, Tag = "04C0FFEE", GrossKg = 24_900, TareKg = 15_000, NetKg = 9_900 });
        return day.Renumber();
    }
}
