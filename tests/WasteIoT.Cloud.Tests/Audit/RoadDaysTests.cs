using System.Net.Http.Json;
using System.Text.Json;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// Hand-built days of a sweeper and a sprinkler on two streets, stored as the gateway forwards them and read through
/// the API on both databases the morning after: passes per window, what did not count and why, the county's 机扫率,
/// and the cases — filed only when every vehicle that could have done the work was heard over its window.
/// </summary>
public sealed class RoadDaysTests
{
    private const double Lat = 30.30;
    private const double Lon = 120.20;
    private static readonly double DegreesPerMetreEast = 1 / (111_320.0 * Math.Cos(Lat * Math.PI / 180));
    private static readonly DateTimeOffset Midnight = SmallCountyDay.Midnight;

    // rd-01 runs 600 m east from (30.30, 120.20); rd-02 runs 400 m north from its east end.
    private static readonly string Registry =
        "id,name,contractor,class,path,work\n" +
        $"rd-01,人民路,c-green,main,{Lat}:{Lon};{Lat}:{Lon + (600 * DegreesPerMetreEast):0.0000000},sweep*2@05:00-07:00;sprinkle@09:00-11:00\n" +
        $"rd-02,解放街,c-green,backStreet,{Lat}:{Lon + (600 * DegreesPerMetreEast):0.0000000};{Lat + (400 / 111_320.0):0.0000000}:{Lon + (600 * DegreesPerMetreEast):0.0000000},sweep@14:00-16:00\n";

    internal static readonly (string Kind, string Csv)[] Files =
    [
        ("contractors", "id,name,phone\nc-green,绿洁环境,\n"),
        ("trucks", "plate,contractor,devices,nodeCustody,vehicle\n浙A·S0001,c-green,work-s1,contractor,sweeper\n浙A·S0002,c-green,work-p1,contractor,sprinkler\n"),
        ("roads", Registry),
    ];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task SweptOnceOfTwiceAndSprinkledTooFastAreShortfallsAndBrushesOffDoNotCount(string database)
    {
        var day = SweepAndSprinkleDay();

        var (audit, roads, cases) = await DayAsync(database, day);

        var rd01 = Road(audit, "rd-01");
        var sweep = rd01.GetProperty("work")[0];
        Assert.Equal(("Sweep", 2, 1, "shortfall"), (Task(sweep), Required(sweep), Done(sweep), sweep.GetProperty("state").GetString()));
        Assert.Equal(["浙A·S0001"], sweep.GetProperty("vehicles").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(1.0, sweep.GetProperty("evidence").GetProperty("coverage").GetDouble());
        var sprinkle = rd01.GetProperty("work")[1];
        Assert.Equal(("Sprinkle", 1, 0, "shortfall"), (Task(sprinkle), Required(sprinkle), Done(sprinkle), sprinkle.GetProperty("state").GetString()));
        Assert.True(sprinkle.GetProperty("result").GetProperty("tooFastFixes").GetInt32() > 30);

        var rd02 = Road(audit, "rd-02").GetProperty("work")[0];
        Assert.Equal(("Sweep", 1, 1, "ok"), (Task(rd02), Required(rd02), Done(rd02), rd02.GetProperty("state").GetString()));
        Assert.True(rd02.GetProperty("result").GetProperty("equipmentOffFixes").GetInt32() > 100);

        // 机扫率 by length: rd-02 (400 m) swept as planned, rd-01 (600 m) short.
        var summary = audit.GetProperty("summary");
        Assert.Equal(0.4, summary.GetProperty("sweepRate").GetDouble(), 3);
        Assert.Equal((2, 2, 0), (summary.GetProperty("roadSegments").GetInt32(), summary.GetProperty("roadWorkShort").GetInt32(), summary.GetProperty("roadWorkUnverified").GetInt32()));

        // Work vehicles carry no cargo cover: no sealed-transport finding for them.
        Assert.Equal(["roadWork rd-01 sprinkle@09:00", "roadWork rd-01 sweep@05:00"], Kinds(cases));
        var sweepCase = cases.Single(c => c.GetProperty("finding").GetString() == "sweep@05:00");
        Assert.Contains("机扫 1/2 遍（05:00–07:00）", sweepCase.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("浙A·S0001", sweepCase.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(["rd-01", "rd-02"], roads.EnumerateArray().Select(r => r.GetProperty("segment").GetString()));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ASweeperSilentInItsWindowLeavesTheStreetUnverifiedAndFilesItsSilenceNotAShortfall(string database)
    {
        // Heard until 05:10, then nothing until 13:00: it may have swept rd-01 unheard.
        var day = new StoredDay();
        day.Heard("work-s1", 1, Midnight.AddHours(4), Midnight.AddHours(5).AddMinutes(10), TimeSpan.FromMinutes(5))
            .Heard("work-s1", 2, Midnight.AddHours(13), Midnight.AddHours(17), TimeSpan.FromMinutes(5));
        Heard(day, "work-p1", 8, 12);
        Switch(day, "work-p1", WorkEquipment.Pump, true, Midnight.AddHours(9).AddMinutes(25), boot: 1);
        DriveEast(day, "work-p1", Midnight.AddHours(9.5), 20);
        Switch(day, "work-s1", WorkEquipment.Brush, true, Midnight.AddHours(14).AddMinutes(55), boot: 2);
        DriveNorth(day, "work-s1", Midnight.AddHours(15), 10, boot: 2);

        var (audit, _, cases) = await DayAsync(database, day.Renumber());

        var sweep = Road(audit, "rd-01").GetProperty("work")[0];
        Assert.Equal((0, "unverified"), (Done(sweep), sweep.GetProperty("state").GetString()));
        Assert.Equal("ok", Road(audit, "rd-01").GetProperty("work")[1].GetProperty("state").GetString());
        Assert.Equal("unverified", Road(audit, "rd-01").GetProperty("state").GetString());
        var summary = audit.GetProperty("summary");
        Assert.Equal((0, 1), (summary.GetProperty("roadWorkShort").GetInt32(), summary.GetProperty("roadWorkUnverified").GetInt32()));
        Assert.Equal(1.0, summary.GetProperty("sweepRate").GetDouble());
        Assert.Equal(0.6, summary.GetProperty("sweepUnprovenKm").GetDouble(), 2);

        Assert.Equal(["nodeSilent 浙A·S0001"], Kinds(cases, withFinding: false));
        Assert.Contains("work-s1 05:10–13:00 无数据", cases[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task NoVehicleHeardAllDayIsNoDataAndNoCase(string database)
    {
        var (audit, _, cases) = await DayAsync(database, new StoredDay());

        Assert.All(audit.GetProperty("roads").EnumerateArray(), r => Assert.Equal("noData", r.GetProperty("state").GetString()));
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("summary").GetProperty("sweepRate").ValueKind);
        Assert.Empty(cases);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task SummerSprinklingIsNotDueInNovemberAndFogWorkOnlyOnAnAlertDay(string database)
    {
        var day = SweepAndSprinkleDay();
        var plan = $"id,name,contractor,class,path,work\nrd-03,广场,c-green,keySection,{Lat}:{Lon};{Lat + (300 / 111_320.0):0.0000000}:{Lon},sprinkle*3@06:00-20:00/05-09;fog@08:00-18:00!orange\n";

        var (quiet, _, _) = await DayAsync(database, day, ("roads", plan));
        Assert.DoesNotContain(quiet.GetProperty("roads").EnumerateArray(), r => r.GetProperty("segment").GetString() == "rd-03");

        var (alert, _, cases) = await DayAsync(database, day, ("roads", plan), ("airAlerts", "id,level,note\n2026-11-26,orange,县重污染天气应急指挥部 2026-7 号\n"));
        var fog = Assert.Single(Road(alert, "rd-03").GetProperty("work").EnumerateArray());
        Assert.Equal(("Fog", "noData"), (Task(fog), fog.GetProperty("state").GetString()));
        Assert.DoesNotContain(cases, c => c.GetProperty("subject").GetString() == "rd-03");
    }

    /// <summary>The sweeper sweeps rd-01 once of twice and rd-02 once with its brushes off and once on; the sprinkler sprinkles rd-01 too fast.</summary>
    internal static StoredDay SweepAndSprinkleDay()
    {
        var day = new StoredDay();
        Heard(day, "work-s1", 4, 17);
        Heard(day, "work-p1", 8, 12);

        // Sweeper: brushes on from 05:25, one pass east along rd-01 at 05:30 (of two required), brushes off at 05:40.
        Switch(day, "work-s1", WorkEquipment.Brush, true, Midnight.AddHours(5).AddMinutes(25));
        DriveEast(day, "work-s1", Midnight.AddHours(5.5), 10);
        Switch(day, "work-s1", WorkEquipment.Brush, false, Midnight.AddHours(5).AddMinutes(40));

        // 14:20 up rd-02 with the brushes off; 15:00 up it again with them on.
        DriveNorth(day, "work-s1", Midnight.AddHours(14).AddMinutes(20), 10);
        Switch(day, "work-s1", WorkEquipment.Brush, true, Midnight.AddHours(14).AddMinutes(55));
        DriveNorth(day, "work-s1", Midnight.AddHours(15), 10);

        // Sprinkler: pump on, along rd-01 at 45 km/h — water on the road, but too fast to lay the dust.
        Switch(day, "work-p1", WorkEquipment.Pump, true, Midnight.AddHours(9).AddMinutes(25));
        DriveEast(day, "work-p1", Midnight.AddHours(9.5), 45);

        return day.Renumber();
    }

    /// <summary>The county day, its road list as the page reads it, and the 26th's cases after the morning's scan.</summary>
    private static async Task<(JsonElement Audit, JsonElement Roads, List<JsonElement> Cases)> DayAsync(string database, StoredDay day, params (string Kind, string Csv)[] more)
    {
        await using var cloud = await HandBuiltCounty.StartAsync(database, Files.Concat(more), day);
        var audit = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");
        var roads = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/roads");
        return (audit.Clone(), roads.Clone(), await HandBuiltCounty.CasesAsync(cloud));
    }

    private static JsonElement Road(JsonElement audit, string id) => audit.GetProperty("roads").EnumerateArray().Single(r => r.GetProperty("segment").GetString() == id);

    private static string? Task(JsonElement work) => work.GetProperty("result").GetProperty("task").GetString();

    private static int Required(JsonElement work) => work.GetProperty("result").GetProperty("required").GetInt32();

    private static int Done(JsonElement work) => work.GetProperty("result").GetProperty("done").GetInt32();

    private static List<string> Kinds(List<JsonElement> cases, bool withFinding = true) =>
        [.. cases.Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("subject").GetString()}" + (withFinding ? $" {c.GetProperty("finding").GetString()}" : string.Empty)).Order(StringComparer.Ordinal)];

    private static void Heard(StoredDay day, string device, int fromHour, int toHour) =>
        day.Heard(device, 1, Midnight.AddHours(fromHour), Midnight.AddHours(toHour), TimeSpan.FromMinutes(5));

    private static void Switch(StoredDay day, string device, WorkEquipment equipment, bool on, DateTimeOffset ts, long boot = 1) =>
        day.Add(new EquipmentEvent { Device = device, Boot = boot, Seq = 0, Ts = ts, Equipment = equipment, On = on });

    // From 20 m before rd-01's west end to 20 m past its east end, one fix a second.
    private static void DriveEast(StoredDay day, string device, DateTimeOffset start, double kmh, long boot = 1)
    {
        for (var s = 0; -20 + (s * kmh / 3.6) <= 620; s++)
        {
            var east = -20 + (s * kmh / 3.6);
            day.Add(new TruckPosition { Device = device, Boot = boot, Seq = 0, Ts = start.AddSeconds(s), Lat = Lat, Lon = Lon + (east * DegreesPerMetreEast), Speed = kmh, Fix = 1 });
        }
    }

    // Up rd-02 from 20 m south of its start to 20 m past its end.
    private static void DriveNorth(StoredDay day, string device, DateTimeOffset start, double kmh, long boot = 1)
    {
        for (var s = 0; -20 + (s * kmh / 3.6) <= 420; s++)
        {
            var north = -20 + (s * kmh / 3.6);
            day.Add(new TruckPosition { Device = device, Boot = boot, Seq = 0, Ts = start.AddSeconds(s), Lat = Lat + (north / 111_320.0), Lon = Lon + (600 * DegreesPerMetreEast), Speed = kmh, Fix = 1 });
        }
    }
}
