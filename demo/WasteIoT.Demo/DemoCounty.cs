using System.Globalization;
using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Roads;
using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Cloud.Registry;
using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Demo;

/// <summary>
/// The registry a simulated fleet needs, as the county's CSV files in import order: one contractor running every
/// truck and site, a second with nothing yet (to show scoping), the cleaners' badges, a plate per truck, the
/// households and one daily route per truck, toilets and transfer stations, bins, and a pond where a site gauges one.
/// Written with the registry's own formatters, so the files are exactly what an export would give.
/// </summary>
public static class DemoCounty
{
    public const string Contractor = "c-lvjie";
    public const string OtherContractor = "c-qingyuan";

    // A surveyed demo pond: stage (m) → volume (m³); the 10,000 m³ alarm is reached at 4.4 m.
    private static readonly StagePoint[] PondSurvey = [new(0, 0), new(2, 4_000), new(4, 9_000), new(5, 12_000)];

    public static IReadOnlyList<(string Kind, string Csv)> Files(FleetDefinition fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var rows = new Dictionary<string, List<IRegistryEntity>>(StringComparer.Ordinal);
        void Add(string kind, IRegistryEntity entity) => (rows.TryGetValue(kind, out var list) ? list : rows[kind] = []).Add(entity);

        Add(RegistryKinds.Contractors, new Contractor(Contractor, "绿洁环境服务有限公司", "0571-0000-0001"));
        Add(RegistryKinds.Contractors, new Contractor(OtherContractor, "清源环卫", "0571-0000-0002"));
        foreach (var cleaner in fleet.Sites.Select(s => s.Cleaner).Distinct(StringComparer.Ordinal))
        {
            Add(RegistryKinds.Badges, new Badge(cleaner, $"保洁员 {cleaner[^4..]}", BadgeRole.Cleaner, Contractor));
        }

        foreach (var truck in fleet.Trucks)
        {
            var plate = Plate(truck.Device);
            var vehicle = Enum.Parse<VehicleKind>(truck.Vehicle, ignoreCase: true);
            Add(RegistryKinds.Trucks, new Truck(plate, Contractor, [truck.Device]) { Vehicle = vehicle, Card = truck.Card ?? string.Empty });
            if (truck.Permit is { } permit)
            {
                Add(RegistryKinds.Permits, new MuckPermit(permit.Id, plate, Contractor, [.. permit.Origins.Select(Fence)], [.. permit.Disposals.Select(Fence)],
                    [.. permit.Routes.Select(r => (IReadOnlyList<RoadPoint>)[.. r.Select(p => new RoadPoint(p[0], p[1]))])],
                    [.. permit.Hours.Select(h => new PermitHours(TimeOnly.ParseExact(h[..5], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(h[6..], "HH:mm", CultureInfo.InvariantCulture)))],
                    permit.ValidFrom, permit.ValidTo));
            }

            if (vehicle != VehicleKind.Collection)
            {
                // A work vehicle's or muck truck's stops are places on its way, not households.
                continue;
            }

            foreach (var stop in truck.Households)
            {
                Add(RegistryKinds.Households, new Household(stop.Household, $"幸福路 {stop.Household[^3..]} 号", $"{truck.Device} 片区", stop.Lat, stop.Lon, stop.Tag));
            }

            Add(RegistryKinds.Routes, new CollectionRoute($"r-{truck.Device}", $"{truck.Device} 线", Contractor, plate, Enum.GetValues<DayOfWeek>(), [.. truck.Households.Select(h => h.Household)]));
        }

        foreach (var site in fleet.Sites.Where(s => s.Kind != "scale"))
        {
            var toilet = site.Kind == "toilet";

            // A station's scale-house node measures the station too, and makes it a weighed one.
            var scales = fleet.Sites.Where(s => s.Kind == "scale" && s.Station == site.Device).ToList();
            Add(RegistryKinds.Sites, new Site(SiteId(site), toilet ? SiteKind.Toilet : SiteKind.TransferStation, toilet ? $"公厕 {site.Device}" : $"转运站 {site.Device}", Contractor,
                site.Lat, site.Lon, toilet ? ToiletClass.II : null, site.OpenFrom, site.OpenTo, toilet ? [site.Cleaner] : [], [site.Device, .. scales.Select(s => s.Device)])
            {
                RatedTonnes = scales.Count > 0 ? scales[0].RatedTonnes : null,
            });
            if (site.PondGaugeZeroMm > 0)
            {
                Add(RegistryKinds.Ponds, new Pond($"p-{site.Device}", $"渗滤液调节池 {site.Device}", Contractor, site.Device, 10_000, PondSurvey));
            }
        }

        foreach (var road in fleet.Roads)
        {
            Add(RegistryKinds.Roads, new RoadSegment(road.Id, road.Name, Contractor, Enum.Parse<RoadClass>(road.Class, ignoreCase: true), [.. road.Path.Select(p => new RoadPoint(p[0], p[1]))],
                [.. road.Work.Select(w => RoadWork.TryParse(w, out var work) ? work : throw new InvalidDataException($"road {road.Id}: work '{w}' is not task[*passes]@HH:mm-HH:mm"))]));
        }

        foreach (var bin in fleet.Bins)
        {
            Add(RegistryKinds.Bins, new Bin(bin.Device, $"垃圾桶 {bin.Device}", Contractor, bin.Lat, bin.Lon, bin.DepthMm, 240, "residual", bin.Device, string.Empty));
        }

        return [.. RegistryKinds.All.Where(k => rows.ContainsKey(k.Name)).Select(k => (k.Name, Write(k, rows[k.Name])))];
    }

    /// <summary>A plate for a simulated truck: truck-07 → 沪A·D0007.</summary>
    public static string Plate(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var digits = new string([.. device.Where(char.IsAsciiDigit)]);
        return "沪A·D" + (digits.Length == 0 ? "0000" : int.Parse(digits, CultureInfo.InvariantCulture).ToString("0000", CultureInfo.InvariantCulture));
    }

    private static Geofence Fence(IReadOnlyList<double> circle) => new(circle[0], circle[1], circle[2]);

    private static string SiteId(SiteDefinition site) => site.Device.StartsWith("site-", StringComparison.Ordinal) ? site.Device[5..] : site.Device;

    private static string Write(RegistryKind kind, IEnumerable<IRegistryEntity> entities)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRow(text, kind.Columns);
        foreach (var entity in entities)
        {
            Csv.WriteRow(text, kind.Format(entity));
        }

        return text.ToString();
    }
}
