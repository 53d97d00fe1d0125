using System.Globalization;

namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>Builds a plausible small county around a centre point, for demos and tests.</summary>
public static class FleetGenerator
{
    public static FleetDefinition Create(int seed, int trucks, int householdsPerTruck, int toilets, int binsPerTruck, double centreLat = 31.2304, double centreLon = 121.4737)
    {
        var random = new Random(seed);
        var truckList = new List<TruckDefinition>();
        var bins = new List<BinDefinition>();
        for (var t = 1; t <= trucks; t++)
        {
            var stops = new List<HouseholdStop>();
            var lat = centreLat + ((t - 1) * 0.004);
            var lon = centreLon;
            for (var h = 1; h <= householdsPerTruck; h++)
            {
                lon += 0.0006 + (random.NextDouble() * 0.0003);
                lat += (random.NextDouble() - 0.5) * 0.0004;
                var household = string.Create(CultureInfo.InvariantCulture, $"hh-{t:00}-{h:000}");
                var tag = string.Create(CultureInfo.InvariantCulture, $"E28011606000{t:X4}{h:X8}");
                string? bin = null;
                if (h % Math.Max(1, householdsPerTruck / Math.Max(1, binsPerTruck)) == 0 && bins.Count(b => b.Device.StartsWith($"bin-{t:00}", StringComparison.Ordinal)) < binsPerTruck)
                {
                    bin = string.Create(CultureInfo.InvariantCulture, $"bin-{t:00}{h:000}");
                    bins.Add(new BinDefinition { Device = bin, Lat = lat, Lon = lon, InitialLevel = 0.3 + (random.NextDouble() * 0.5), FillPerHour = 0.02 + (random.NextDouble() * 0.04) });
                }

                stops.Add(new HouseholdStop(household, tag, Math.Round(lat, 7), Math.Round(lon, 7)) { Bin = bin });
            }

            truckList.Add(new TruckDefinition
            {
                Device = string.Create(CultureInfo.InvariantCulture, $"truck-{t:00}"),
                DepotLat = centreLat - 0.003,
                DepotLon = centreLon - 0.002,
                DepartAt = new TimeOnly(6, 30).AddMinutes(random.Next(0, 20)),
                Households = stops,
            });
        }

        var sites = new List<SiteDefinition>();
        for (var s = 1; s <= toilets; s++)
        {
            sites.Add(new SiteDefinition
            {
                Device = string.Create(CultureInfo.InvariantCulture, $"site-t{s:00}"),
                Lat = centreLat + (random.NextDouble() * 0.01),
                Lon = centreLon + (random.NextDouble() * 0.01),
                Cleaner = string.Create(CultureInfo.InvariantCulture, $"04A2{s:X4}"),
                VisitorsPerHour = 10 + random.Next(30),
            });
        }

        return new FleetDefinition { Seed = seed, Bins = bins, Sites = sites, Trucks = truckList };
    }

    /// <summary>
    /// Adds the streets' side of the contract north of the county's centre: a plan of three roads (a main road swept
    /// twice each morning and sprinkled before noon, a back street swept twice, a key section under fog-cannon work),
    /// a sweeper that sweeps the main road three times but the back street only one way, a sprinkler, and a muck
    /// truck on a night permit that leaves its route to tip in a field before its disposal site.
    /// </summary>
    public static FleetDefinition AddStreets(FleetDefinition fleet, double centreLat = 31.2304, double centreLon = 121.4737)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var north = centreLat + 0.02;
        double[] P(double lat, double lon) => [Math.Round(lat, 6), Math.Round(lon, 6)];
        var mainWest = P(north, centreLon);
        var mainEast = P(north, centreLon + 0.01);
        var backEnd = P(north + 0.004, centreLon + 0.01);
        var keyEnd = P(north - 0.004, centreLon);
        var roads = new List<RoadDefinition>
        {
            new() { Id = "rd-main-01", Name = "人民大道", Class = "main", Path = [mainWest, mainEast], Work = ["sweep*2@05:30-09:00", "sprinkle@09:00-12:00"] },
            new() { Id = "rd-back-01", Name = "文化巷", Class = "backStreet", Path = [mainEast, backEnd], Work = ["sweep*2@05:30-09:00"] },
            new() { Id = "rd-key-01", Name = "车站广场段", Class = "keySection", Path = [mainWest, keyEnd], Work = ["fog@08:00-18:00"] },
        };
        HouseholdStop Stop(string name, double[] at, bool tip = false) => new(name, string.Empty, at[0], at[1]) { Tip = tip };
        var muckLat = centreLat - 0.015;
        var site = P(muckLat, centreLon + 0.003);
        var disposal = P(muckLat, centreLon + 0.015);
        var trucks = new List<TruckDefinition>(fleet.Trucks)
        {
            // Along the main road three times, then up the back street once (one of two); home across the blocks.
            new() { Device = "truck-21", Vehicle = "sweeper", Equipment = "brush", DepotLat = mainWest[0], DepotLon = mainWest[1], DepartAt = new TimeOnly(5, 40), SpeedKmh = 12,
                Households = [Stop("main-east", mainEast), Stop("main-west", mainWest), Stop("main-east-2", mainEast), Stop("back-end", backEnd)] },
            new() { Device = "truck-22", Vehicle = "sprinkler", Equipment = "pump", DepotLat = mainWest[0], DepotLon = mainWest[1], DepartAt = new TimeOnly(9, 30), SpeedKmh = 20,
                Households = [Stop("main-east", mainEast)] },
            new()
            {
                Device = "truck-31", Vehicle = "muck", Equipment = "tipper", DepotLat = muckLat, DepotLon = centreLon, DepartAt = new TimeOnly(22, 10),
                Households = [Stop("site", site), Stop("field", P(muckLat + 0.0045, centreLon + 0.009), tip: true), Stop("disposal", disposal, tip: true)],
                Permit = new MuckPermitDefinition
                {
                    Id = "ZT-DEMO-001", Origins = [[site[0], site[1], 150]], Disposals = [[disposal[0], disposal[1], 200]],
                    Routes = [[P(muckLat, centreLon), disposal]], Hours = ["22:00-05:00"],
                },
            },
        };
        return fleet with { Trucks = trucks, Roads = [.. fleet.Roads, .. roads] };
    }

    /// <summary>
    /// Adds a weighed transfer station south-west of the centre, away from the depot (a truck parked there all night
    /// would stand at the station unweighed): its scale-house node rated 50 t/day, every collection truck carrying an IC
    /// card and delivering once after its round (the first truck twice), and a transfer truck hauling 10 t out twice in
    /// the afternoon; the station gauges its leachate pond.
    /// </summary>
    public static FleetDefinition AddTransferStation(FleetDefinition fleet, double centreLat = 31.2304, double centreLon = 121.4737)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var lat = Math.Round(centreLat - 0.012, 6);
        var lon = Math.Round(centreLon - 0.006, 6);
        var collection = fleet.Trucks.Where(t => t.Vehicle == "collection").ToList();
        string Card(int k) => string.Create(CultureInfo.InvariantCulture, $"04B1{k:X4}");
        var visits = new List<WeighbridgeVisit>();
        for (var k = 0; k < collection.Count; k++)
        {
            visits.Add(new WeighbridgeVisit { Card = Card(k + 1), At = new TimeOnly(11, 0).AddMinutes(25 * k), LoadedKg = 9_860 + 5_200 + (300 * k), EmptyKg = 9_860 });
        }

        if (collection.Count > 0)
        {
            visits.Add(new WeighbridgeVisit { Card = Card(1), At = new TimeOnly(15, 10), LoadedKg = 9_860 + 4_100, EmptyKg = 9_860 });
        }

        visits.Add(new WeighbridgeVisit { Card = "04C0FFEE", At = new TimeOnly(16, 30), LoadedKg = 25_000, EmptyKg = 15_000, Delivering = false });
        visits.Add(new WeighbridgeVisit { Card = "04C0FFEE", At = new TimeOnly(17, 40), LoadedKg = 25_000, EmptyKg = 15_000, Delivering = false });
        var sites = new List<SiteDefinition>(fleet.Sites)
        {
            new() { Device = "site-s01", Kind = "transferStation", Lat = lat, Lon = lon, Cleaner = "04A2FFFF", OpenFrom = new TimeOnly(6, 0), OpenTo = new TimeOnly(20, 0),
                VisitorsPerHour = 2, CleaningsPerDay = 0, PondGaugeZeroMm = 6_000, PondLevelM = 3.6, PondRisePerHourM = 0.01 },
            new() { Device = "scale-s01", Kind = "scale", Station = "site-s01", RatedTonnes = 50, Lat = lat, Lon = lon, Weighings = visits },
        };
        var trucks = fleet.Trucks.Select(t => t.Vehicle == "collection" ? t with { Card = Card(collection.IndexOf(t) + 1) } : t).ToList();
        trucks.Add(new TruckDefinition { Device = "truck-05", Vehicle = "transfer", Card = "04C0FFEE", DepotLat = lat, DepotLon = lon, DepartAt = new TimeOnly(23, 0), Households = [] });
        return fleet with { Sites = sites, Trucks = trucks };
    }
}
