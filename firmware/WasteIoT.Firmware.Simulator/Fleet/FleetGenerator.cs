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
}
