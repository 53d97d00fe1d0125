using System.Net.Http.Json;
using System.Text.Json;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// A hand-built day of two muck trucks — one with a night permit from a construction site 3 km east to a disposal
/// site, one with none — stored as the gateway forwards it and read through the API on both databases: each breach
/// of the permit is a case with its place and time, the tarp is the sealed-transport check's.
/// </summary>
public sealed class MuckDaysTests
{
    private const double Lat = 30.25;
    private const double Lon = 120.10;
    private static readonly double DegreesPerMetreEast = 1 / (111_320.0 * Math.Cos(Lat * Math.PI / 180));
    private static readonly DateTimeOffset Midnight = SmallCountyDay.Midnight;

    internal static readonly (string Kind, string Csv)[] Registry =
    [
        ("contractors", "id,name,phone\nc-haul,城建运输,\n"),
        ("trucks", "plate,contractor,devices,nodeCustody,vehicle\n浙A·Z0001,c-haul,muck-01,contractor,muck\n浙A·Z0002,c-haul,muck-02,contractor,muck\n"),
        ("permits", "id,truck,contractor,origins,disposals,routes,hours,validFrom,validTo\n" +
            $"ZT-2026-018,浙A·Z0001,c-haul,{Lat}:{Lon}:150,{Lat}:{East(3_000):0.0000000}:200,{Lat}:{Lon};{Lat}:{East(3_000):0.0000000},22:00-05:00,2026-11-01,2026-12-31\n"),
    ];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task EachBreachOfThePermitIsACaseWithItsPlaceAndTime(string database)
    {
        var day = BreachDay();

        var (audit, muck, cases) = await DayAsync(database, day);

        var z1 = muck.EnumerateArray().Single(m => m.GetProperty("truck").GetString() == "浙A·Z0001");
        Assert.Equal(("ZT-2026-018", "violation"), (string.Join(",", z1.GetProperty("permits").EnumerateArray().Select(p => p.GetString())), z1.GetProperty("state").GetString()));
        Assert.Equal(1, z1.GetProperty("result").GetProperty("tipsAtDisposalSites").GetInt32());
        var summary = audit.GetProperty("summary");
        Assert.Equal((2, 4, 1), (summary.GetProperty("muckTrucks").GetInt32(), summary.GetProperty("muckViolations").GetInt32(), summary.GetProperty("suspectedDumping").GetInt32()));

        // Keys are UTC (local 23:30 is 15:30Z); the tarp's drive began at 00:30 local, 16:30Z the evening before.
        Assert.Equal(
            ["muckDumping 浙A·Z0001 15:30:00", "muckNoPermit 浙A·Z0002 driving", "muckOffHours 浙A·Z0001 06:00:00", "muckOffRoute 浙A·Z0001 15:00:00", "sealedTransport 浙A·Z0001 16:30:00"],
            cases.Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("subject").GetString()} {c.GetProperty("finding").GetString()}").Order(StringComparer.Ordinal));
        var dumping = cases.Single(c => c.GetProperty("kind").GetString() == "muckDumping");
        Assert.Contains("23:30:00", dumping.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"距最近核准消纳场 1[789]\d\d 米", dumping.GetProperty("detail").GetString());
        Assert.Matches(@"最远偏离路线 (39\d|40\d) 米", cases.Single(c => c.GetProperty("kind").GetString() == "muckOffRoute").GetProperty("detail").GetString());
    }

    /// <summary>Z0001 drives its permit's route with the tarp open, out of hours, off its route and tips in a field; Z0002 has no permit.</summary>
    internal static StoredDay BreachDay()
    {
        var day = new StoredDay();
        day.Heard("muck-01", 1, Midnight.AddHours(-1), Midnight.AddHours(24).AddMinutes(30), TimeSpan.FromMinutes(5));
        day.Heard("muck-02", 1, Midnight.AddHours(-1), Midnight.AddHours(24).AddMinutes(30), TimeSpan.FromMinutes(5));

        // 00:30 loaded at the site, tarp left open for the first 4 minutes of the drive, tipped at the disposal site.
        day.Add(new CargoCoverEvent { Device = "muck-01", Boot = 1, Seq = 0, Ts = Midnight.AddMinutes(29), State = CoverState.Open });
        Drive(day, "muck-01", Midnight.AddMinutes(30), 0, 3_000, 0);
        day.Add(new CargoCoverEvent { Device = "muck-01", Boot = 1, Seq = 0, Ts = Midnight.AddMinutes(34), State = CoverState.Closed });
        Tip(day, "muck-01", Midnight.AddMinutes(38), 3_000, 0);

        // 14:00, out of its hours along the route; 23:00 a kilometre along a street 400 m north of it; 23:30 tips in a field.
        Drive(day, "muck-01", Midnight.AddHours(14), 0, 1_500, 0);
        Drive(day, "muck-01", Midnight.AddHours(23), 500, 1_500, 400);
        Tip(day, "muck-01", Midnight.AddHours(23).AddMinutes(30), 1_000, 400);

        // The other truck has no permit at all.
        Drive(day, "muck-02", Midnight.AddHours(10), 0, 2_000, 0);

        return day.Renumber();
    }

    /// <summary>The county day, its muck list as the page reads it, and the 26th's cases after the morning's scan.</summary>
    private static async Task<(JsonElement Audit, JsonElement Muck, List<JsonElement> Cases)> DayAsync(string database, StoredDay day)
    {
        await using var cloud = await HandBuiltCounty.StartAsync(database, Registry, day);
        var audit = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");
        var muck = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/muck");

        // One truck's page answers as the county day does (one computation), and a collection truck is not a muck truck.
        foreach (var entry in muck.EnumerateArray())
        {
            var one = await cloud.Client.GetFromJsonAsync<JsonElement>($"/api/audit/2026-11-26/muck/{Uri.EscapeDataString(entry.GetProperty("truck").GetString()!)}");
            Assert.Equal(entry.GetProperty("result").ToString(), one.GetProperty("result").ToString());
            Assert.Equal(entry.GetProperty("tarpOpen").ToString(), one.GetProperty("tarpOpen").ToString());
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cloud.Client.GetAsync(new Uri("/api/audit/2026-11-26/muck/nobody", UriKind.Relative))).StatusCode);
        return (audit.Clone(), muck.Clone(), await HandBuiltCounty.CasesAsync(cloud));
    }

    private static double East(double metres) => Lon + (metres * DegreesPerMetreEast);

    // East from fromM to toM along a line northM north of the route at 30 km/h, one fix a second.
    private static void Drive(StoredDay day, string device, DateTimeOffset start, double fromM, double toM, double northM)
    {
        for (var s = 0; fromM + (s * 30 / 3.6) <= toM; s++)
        {
            day.Add(new TruckPosition { Device = device, Boot = 1, Seq = 0, Ts = start.AddSeconds(s), Lat = Lat + (northM / 111_320.0), Lon = East(fromM + (s * 30 / 3.6)), Speed = 30, Fix = 1 });
        }
    }

    // Standing at a place with the body raised for a minute: fixes at speed 0 around the raise.
    private static void Tip(StoredDay day, string device, DateTimeOffset at, double eastM, double northM)
    {
        for (var s = -60; s <= 120; s += 10)
        {
            day.Add(new TruckPosition { Device = device, Boot = 1, Seq = 0, Ts = at.AddSeconds(s), Lat = Lat + (northM / 111_320.0), Lon = East(eastM), Speed = 0, Fix = 1 });
        }

        day.Add(new EquipmentEvent { Device = device, Boot = 1, Seq = 0, Ts = at, Equipment = WorkEquipment.Tipper, On = true });
        day.Add(new EquipmentEvent { Device = device, Boot = 1, Seq = 0, Ts = at.AddMinutes(1), Equipment = WorkEquipment.Tipper, On = false });
    }
}
