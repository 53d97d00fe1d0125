using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// The small county's 2026-11-26 (local; 2026-11-25T16:00Z to 2026-11-26T16:00Z), with one of each violation, every
/// installed node heard all day.
/// The verdicts it must get are written out in the tests that use it.
/// </summary>
internal static class SmallCountyDay
{
    public static readonly DateTimeOffset Midnight = new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);

    /// <summary>10:00 local on the 27th: the 26th has closed and the two-hour grace for what it lacked has passed.</summary>
    public static readonly DateTimeOffset MorningAfter = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    public static async Task StoreAsync(IReadingStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.IngestAsync(Readings(), [], CancellationToken.None);
    }

    /// <summary>The day's readings as the gateway would forward them.</summary>
    public static List<StoredReading> Readings()
    {
        var day = new StoredDay();

        // Truck: cover opened at 23:58 the evening before and still open while driving 00:00–00:02 at 30 km/h; closed at 00:02.
        day.Add(new CargoCoverEvent { Device = "truck-07", Boot = 1, Seq = day.Next("truck-07", 1), Ts = Midnight.AddMinutes(-2), State = CoverState.Open });
        for (var s = 0; s <= 120; s += 5)
        {
            day.Add(new TruckPosition { Device = "truck-07", Boot = 1, Seq = day.Next("truck-07", 1), Ts = Midnight.AddSeconds(s), Lat = 30.27 + (s / 5 * 0.000374), Lon = 120.15, Speed = 30, Fix = 1 });
        }

        day.Add(new CargoCoverEvent { Device = "truck-07", Boot = 1, Seq = day.Next("truck-07", 1), Ts = Midnight.AddMinutes(2), State = CoverState.Closed });

        // The truck node rebooted; its scans at 08:00 are boot 2. TAG-0002 was scanned 300 m from its door.
        day.Add(CountyAuditTests.Scan(day, "TAG-0001", Midnight.AddHours(8), 30.27411, 120.15511));
        day.Add(CountyAuditTests.Scan(day, "TAG-0002", Midnight.AddHours(8).AddMinutes(2), 30.2772, 120.1556));

        // Bin: full at 08:00, emptied by 09:00, 20 % at 20:00. The station container sent nothing (offline).
        day.Add(Fill(day, "bin-0001", Midnight.AddHours(8), 0.9)).Add(Fill(day, "bin-0001", Midnight.AddHours(9), 0.1)).Add(Fill(day, "bin-0001", Midnight.AddHours(20), 0.2));

        // Toilet t-01 (class II, 06:00–22:00): four 10-minute cleanings by its assigned cleaner; NH3 1.5 mg/m³ in the
        // 12:00 and 12:05 averages (limit 1.0): one ten-minute odour episode.
        foreach (var hour in new[] { 7, 10, 13, 16 })
        {
            day.Add(new CleanerBadgeEvent { Device = "site-t01", Boot = 1, Seq = day.Next("site-t01", 1), Ts = Midnight.AddHours(hour).AddMinutes(10), Badge = "b-001", Action = BadgeAction.CheckOut, DwellS = 600 });
        }

        foreach (var minute in new[] { 0, 5 })
        {
            day.Add(new SiteAirReading { Device = "site-t01", Boot = 1, Seq = day.Next("site-t01", 1), Ts = Midnight.AddHours(12).AddMinutes(minute), Nh3 = 1.5, Sh2 = 0.005 });
        }

        // Transfer station: H2S 0.1 mg/m³ at the boundary (limit 0.06) in the 10:00 and 10:05 averages, no disinfection.
        foreach (var minute in new[] { 0, 5 })
        {
            day.Add(new SiteAirReading { Device = "site-ts01", Boot = 1, Seq = day.Next("site-ts01", 1), Ts = Midnight.AddHours(10).AddMinutes(minute), Nh3 = 0.5, Sh2 = 0.1 });
        }

        // Pond: stage 4.5 m → 9,000 + 0.5 × 3,000 = 10,500 m³, over the 10,000 m³ alarm.
        day.Add(new LevelReading { Device = "pond-01", Boot = 1, Seq = day.Next("pond-01", 1), Ts = Midnight.AddHours(6), Level = 4.5, Echo = EchoStatus.Ok });

        // Every node heard all day at its cadence (the truck's from its first switch-on at 23:58 the evening before,
        // through its reboot at 07:56); the station's container node was never installed and sent nothing.
        day.Heard("truck-07", 1, Midnight.AddMinutes(-2), Midnight.AddHours(7).AddMinutes(55), TimeSpan.FromMinutes(5))
            .Heard("truck-07", 2, Midnight.AddHours(7).AddMinutes(58), Midnight.AddHours(24).AddMinutes(5), TimeSpan.FromMinutes(5));
        foreach (var (device, every) in new[] { ("site-t01", 5), ("site-ts01", 5), ("pond-01", 10), ("bin-0001", 60) })
        {
            day.Heard(device, 1, Midnight.AddHours(-1), Midnight.AddHours(24).AddMinutes(30), TimeSpan.FromMinutes(every));
        }

        return day.Renumber().Readings;
    }

    private static BinFillReading Fill(StoredDay day, string device, DateTimeOffset ts, double level) =>
        new() { Device = device, Boot = 1, Seq = day.Next(device, 1), Ts = ts, FillingLevel = level, Status = BinStatus.Ok, Echo = EchoStatus.Ok };
}
