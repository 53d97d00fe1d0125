using System.Text.Json.Serialization.Metadata;
using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Registry;

/// <summary>The registry's kinds, in the order a county's data is best imported (what a row refers to comes first).</summary>
public static class RegistryKinds
{
    public const string Contractors = "contractors";
    public const string Badges = "badges";
    public const string Trucks = "trucks";
    public const string Households = "households";
    public const string Routes = "routes";
    public const string Sites = "sites";
    public const string Bins = "bins";
    public const string Ponds = "ponds";

    public static IReadOnlyList<RegistryKind> All { get; } =
        [new ContractorKind(), new BadgeKind(), new TruckKind(), new HouseholdKind(), new RouteKind(), new SiteKind_(), new BinKind(), new PondKind()];

    public static RegistryKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    private sealed class ContractorKind : RegistryKind
    {
        public override string Name => Contractors;

        public override IReadOnlyList<string> Columns { get; } = ["id", "name", "phone"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Contractor;

        public override IRegistryEntity Parse(CsvRow row) => new Contractor(row.Text("id"), row.Text("name"), row.Text("phone", required: false));

        public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Contractor c ? [c.Id, c.Name, c.Phone] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
        {
            if (entity is Contractor c && string.IsNullOrWhiteSpace(c.Name))
            {
                yield return "name is required";
            }
        }
    }

    private sealed class BadgeKind : RegistryKind
    {
        public override string Name => Badges;

        public override IReadOnlyList<string> Columns { get; } = ["id", "name", "role", "contractor"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Badge;

        public override IRegistryEntity Parse(CsvRow row) => new Badge(row.Text("id"), row.Text("name"), row.Enum<BadgeRole>("role"), row.Text("contractor"));

        public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Badge b ? [b.Id, b.Name, CsvRow.Camel(b.Role.ToString()), b.Contractor] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists) =>
            entity is Badge b ? Reference(exists, Contractors, "contractor", b.Contractor).Concat(Required(b.Contractor, "contractor")) : [];
    }

    private sealed class TruckKind : RegistryKind
    {
        public override string Name => Trucks;

        public override IReadOnlyList<string> Columns { get; } = ["plate", "contractor", "devices", "nodeCustody"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Truck;

        public override IRegistryEntity Parse(CsvRow row) => new Truck(row.Text("plate"), row.Text("contractor"), row.List("devices")) { NodeCustody = row.Enum("nodeCustody", NodeCustody.Contractor) };

        public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Truck t ? [t.Id, t.Contractor, List(t.Devices), CsvRow.Camel(t.NodeCustody.ToString())] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists) =>
            entity is Truck t ? Reference(exists, Contractors, "contractor", t.Contractor).Concat(Required(t.Contractor, "contractor")).Concat(Devices(t.Devices)) : [];
    }

    private sealed class HouseholdKind : RegistryKind
    {
        public override string Name => Households;

        public override IReadOnlyList<string> Columns { get; } = ["id", "address", "building", "lat", "lon", "tag"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Household;

        public override IRegistryEntity Parse(CsvRow row) =>
            new Household(row.Text("id"), row.Text("address"), row.Text("building", required: false), row.Number("lat", -90, 90), row.Number("lon", -180, 180), row.Text("tag"));

        public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Household h ? [h.Id, h.Address, h.Building, Number(h.Lat), Number(h.Lon), h.Tag] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
        {
            if (entity is not Household h)
            {
                yield break;
            }

            foreach (var error in Position(h.Lat, h.Lon))
            {
                yield return error;
            }

            if (string.IsNullOrWhiteSpace(h.Tag) || h.Tag.Length > 32)
            {
                yield return "tag is required (the RFID tag id, at most 32 characters)";
            }
        }
    }

    private sealed class RouteKind : RegistryKind
    {
        public override string Name => Routes;

        public override IReadOnlyList<string> Columns { get; } = ["id", "name", "contractor", "truck", "serviceDays", "households", "starts", "ends"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.CollectionRoute;

        public override IRegistryEntity Parse(CsvRow row)
        {
            var days = new List<DayOfWeek>();
            foreach (var token in row.List("serviceDays", required: true))
            {
                if (token.Equals("daily", StringComparison.OrdinalIgnoreCase))
                {
                    days.AddRange(Enum.GetValues<DayOfWeek>());
                }
                else if (TryDay(token, out var day))
                {
                    days.Add(day);
                }
                else
                {
                    row.Errors.Add($"serviceDays '{token}' is not daily or a day name (mon, tue, …)");
                }
            }

            return new CollectionRoute(row.Text("id"), row.Text("name"), row.Text("contractor"), row.Text("truck"), [.. days.Distinct().Order()], row.List("households", required: true))
            {
                Starts = row.Time("starts", CollectionRoute.DefaultStarts),
                Ends = row.Time("ends", CollectionRoute.DefaultEnds),
            };
        }

        public override IEnumerable<string?> Format(IRegistryEntity entity) =>
            entity is CollectionRoute r ? [r.Id, r.Name, r.Contractor, r.Truck, r.ServiceDays.Count == 7 ? "daily" : List(r.ServiceDays.Select(d => d.ToString()[..3].ToLowerInvariant())), List(r.Households), Clock(r.Starts), Clock(r.Ends)] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
        {
            if (entity is not CollectionRoute r)
            {
                yield break;
            }

            foreach (var error in Reference(exists, Contractors, "contractor", r.Contractor).Concat(Required(r.Contractor, "contractor")).Concat(Reference(exists, Trucks, "truck", r.Truck)))
            {
                yield return error;
            }

            if (r.Ends <= r.Starts && r.Ends != TimeOnly.MinValue)
            {
                yield return "ends must be after starts (00:00 means midnight)";
            }

            if (r.ServiceDays.Count == 0)
            {
                yield return "serviceDays is required";
            }

            if (r.Households.Count == 0)
            {
                yield return "households is required (household ids in collection order, separated by ';')";
            }

            var unknown = r.Households.Where(h => !exists(Households, h)).Take(5).ToList();
            if (unknown.Count > 0)
            {
                yield return $"households not registered: {string.Join(", ", unknown)}";
            }

            if (r.Households.Distinct(StringComparer.Ordinal).Count() != r.Households.Count)
            {
                yield return "households lists a household twice";
            }
        }
    }

    private sealed class SiteKind_ : RegistryKind
    {
        public override string Name => Sites;

        public override IReadOnlyList<string> Columns { get; } = ["id", "kind", "name", "contractor", "lat", "lon", "toiletClass", "opens", "closes", "cleaners", "devices", "nodeCustody"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Site;

        public override IRegistryEntity Parse(CsvRow row)
        {
            var kind = row.Enum<SiteKind>("kind");
            ToiletClass? toiletClass = row.Text("toiletClass", required: kind == SiteKind.Toilet).Length > 0 ? row.Enum<ToiletClass>("toiletClass") : null;
            return new Site(row.Text("id"), kind, row.Text("name"), row.Text("contractor"), row.Number("lat", -90, 90), row.Number("lon", -180, 180),
                toiletClass, row.Time("opens"), row.Time("closes"), row.List("cleaners"), row.List("devices"))
            { NodeCustody = row.Enum("nodeCustody", NodeCustody.Contractor) };
        }

        public override IEnumerable<string?> Format(IRegistryEntity entity) =>
            entity is Site s ? [s.Id, CsvRow.Camel(s.Kind.ToString()), s.Name, s.Contractor, Number(s.Lat), Number(s.Lon), s.ToiletClass?.ToString(), Clock(s.Opens), Clock(s.Closes), List(s.Cleaners), List(s.Devices), CsvRow.Camel(s.NodeCustody.ToString())] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
        {
            if (entity is not Site s)
            {
                yield break;
            }

            foreach (var error in Reference(exists, Contractors, "contractor", s.Contractor).Concat(Required(s.Contractor, "contractor")).Concat(Position(s.Lat, s.Lon)).Concat(Devices(s.Devices)))
            {
                yield return error;
            }

            if (s.Kind == SiteKind.Toilet && s.ToiletClass is null)
            {
                yield return "toiletClass is required for a toilet (I, II or III per GB/T 17217)";
            }

            if (s.Closes <= s.Opens && s.Closes != TimeOnly.MinValue)
            {
                yield return "closes must be after opens (00:00 means midnight)";
            }

            foreach (var cleaner in s.Cleaners.Where(c => !exists(Badges, c)))
            {
                yield return $"cleaner '{cleaner}' is not a registered badge";
            }
        }
    }

    private sealed class BinKind : RegistryKind
    {
        public override string Name => Bins;

        public override IReadOnlyList<string> Columns { get; } = ["id", "name", "contractor", "lat", "lon", "depthMm", "capacityL", "wasteKind", "device", "site", "nodeCustody"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Bin;

        public override IRegistryEntity Parse(CsvRow row) =>
            new Bin(row.Text("id"), row.Text("name"), row.Text("contractor"), row.Number("lat", -90, 90), row.Number("lon", -180, 180), row.Integer("depthMm", 100, 5000),
                row.Integer("capacityL", 1, 100_000), row.Text("wasteKind"), row.Text("device"), row.Text("site", required: false))
            { NodeCustody = row.Enum("nodeCustody", NodeCustody.Bureau) };

        public override IEnumerable<string?> Format(IRegistryEntity entity) =>
            entity is Bin b ? [b.Id, b.Name, b.Contractor, Number(b.Lat), Number(b.Lon), b.DepthMm.ToString(System.Globalization.CultureInfo.InvariantCulture), b.CapacityL.ToString(System.Globalization.CultureInfo.InvariantCulture), b.WasteKind, b.Device, b.Site, CsvRow.Camel(b.NodeCustody.ToString())] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists) =>
            entity is Bin b
                ? Reference(exists, Contractors, "contractor", b.Contractor).Concat(Required(b.Contractor, "contractor")).Concat(Position(b.Lat, b.Lon)).Concat(Devices([b.Device])).Concat(Reference(exists, Sites, "site", b.Site))
                    .Concat(b.DepthMm is < 100 or > 5000 ? ["depthMm must be 100 to 5000"] : [])
                : [];
    }

    private sealed class PondKind : RegistryKind
    {
        public override string Name => Ponds;

        public override IReadOnlyList<string> Columns { get; } = ["id", "name", "contractor", "device", "alarmVolumeM3", "stageVolume", "nodeCustody"];

        public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Pond;

        public override IRegistryEntity Parse(CsvRow row)
        {
            var points = new List<StagePoint>();
            foreach (var pair in row.List("stageVolume", required: true))
            {
                var parts = pair.Split(':');
                if (parts.Length == 2 && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var stage)
                    && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var volume))
                {
                    points.Add(new StagePoint(stage, volume));
                }
                else
                {
                    row.Errors.Add($"stageVolume '{pair}' is not stage:volume (m:m³)");
                }
            }

            return new Pond(row.Text("id"), row.Text("name"), row.Text("contractor"), row.Text("device"), row.Number("alarmVolumeM3", 1, 10_000_000), points) { NodeCustody = row.Enum("nodeCustody", NodeCustody.Bureau) };
        }

        public override IEnumerable<string?> Format(IRegistryEntity entity) =>
            entity is Pond p ? [p.Id, p.Name, p.Contractor, p.Device, Number(p.AlarmVolumeM3), List(p.StageVolume.Select(s => Number(s.StageM) + ":" + Number(s.VolumeM3))), CsvRow.Camel(p.NodeCustody.ToString())] : [];

        protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
        {
            if (entity is not Pond p)
            {
                yield break;
            }

            foreach (var error in Reference(exists, Contractors, "contractor", p.Contractor).Concat(Required(p.Contractor, "contractor")).Concat(Devices([p.Device])))
            {
                yield return error;
            }

            string? tableError = null;
            try
            {
                _ = new Checks.Ponds.StageVolumeTable(p.StageVolume.Select(s => (s.StageM, s.VolumeM3)));
            }
            catch (ArgumentException ex)
            {
                tableError = "stageVolume: " + ex.Message.Split(" (Parameter", StringSplitOptions.None)[0];
            }

            if (tableError is not null)
            {
                yield return tableError;
            }
        }
    }

    private static bool TryDay(string token, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            if (token.Length >= 3 && candidate.ToString().StartsWith(token, StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    private static IEnumerable<string> Required(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return $"{field} is required";
        }
    }

    private static IEnumerable<string> Devices(IEnumerable<string> devices)
    {
        foreach (var device in devices)
        {
            if (!WasteIoT.Contracts.Validation.Check.IsValidId(device))
            {
                yield return $"device '{device}' is not a valid device id";
            }
        }
    }
}
