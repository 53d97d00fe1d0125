using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WasteIoT.Cloud.Live;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Cloud.Ngsi;

/// <summary>
/// FIWARE NGSI-LD entities built from the registry and each device's latest reading, in the Smart Data Models'
/// key-value shape (what their JSON Schemas validate): bins as WasteContainer, trucks as Vehicle (with a
/// <c>cargoCoverStatus</c> extension), toilet and station air as AirQualityObserved (with an <c>nh3</c> extension;
/// gases in mg/m³, as the site nodes measure them). Trucks and sites appear once they have reported a position or a measurement.
/// </summary>
public sealed class NgsiLdView(CountyRegistry registry, IReadingStore store)
{
    public const string Context = "https://raw.githubusercontent.com/smart-data-models/dataModel.WasteManagement/master/context.jsonld";

    public static IReadOnlyList<string> Types { get; } = ["WasteContainer", "Vehicle", "AirQualityObserved"];

    /// <summary>The entity id for a registry id: non-ASCII characters (a Chinese plate) percent-encoded, so the id is a URI.</summary>
    public static string EntityId(string type, string id) => $"urn:ngsi-ld:{type}:{Uri.EscapeDataString(id)}";

    public async Task<(int Total, List<JsonObject> Entities)> ListAsync(string type, int offset, int limit, CancellationToken cancellationToken)
    {
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var ids = Subjects(snapshot, type);
        var entities = new List<JsonObject>();
        foreach (var id in ids.Skip(offset).Take(limit))
        {
            if (await BuildAsync(snapshot, type, id, cancellationToken) is { } entity)
            {
                entities.Add(entity);
            }
        }

        return (ids.Count, entities);
    }

    public async Task<JsonObject?> GetAsync(string entityId, CancellationToken cancellationToken)
    {
        var parts = entityId.Split(':');
        if (parts.Length != 4 || parts[0] != "urn" || parts[1] != "ngsi-ld" || !Types.Contains(parts[2]))
        {
            return null;
        }

        var snapshot = await registry.CurrentAsync(cancellationToken);
        var id = Uri.UnescapeDataString(parts[3]);
        return Subjects(snapshot, parts[2]).Contains(id) ? await BuildAsync(snapshot, parts[2], id, cancellationToken) : null;
    }

    /// <summary>The NGSI-LD normalized form of a key-value entity: Property / GeoProperty / Relationship objects.</summary>
    public static JsonObject Normalize(JsonObject keyValues)
    {
        ArgumentNullException.ThrowIfNull(keyValues);
        var normalized = new JsonObject();
        foreach (var (name, value) in keyValues)
        {
            normalized[name] = name switch
            {
                "id" or "type" or "@context" => value?.DeepClone(),
                "location" => new JsonObject { ["type"] = "GeoProperty", ["value"] = value?.DeepClone() },
                _ when name.StartsWith("ref", StringComparison.Ordinal) => new JsonObject { ["type"] = "Relationship", ["object"] = value?.DeepClone() },
                _ => new JsonObject { ["type"] = "Property", ["value"] = value?.DeepClone() },
            };
        }

        return normalized;
    }

    private static List<string> Subjects(RegistrySnapshot snapshot, string type) => type switch
    {
        "WasteContainer" => [.. snapshot.Of<Bin>(RegistryKinds.Bins).Select(b => b.Id).Order(StringComparer.Ordinal)],
        "Vehicle" => [.. snapshot.Of<Truck>(RegistryKinds.Trucks).Select(t => t.Id).Order(StringComparer.Ordinal)],
        "AirQualityObserved" => [.. snapshot.Of<Site>(RegistryKinds.Sites).Where(s => s.Devices.Count > 0).Select(s => s.Id).Order(StringComparer.Ordinal)],
        _ => [],
    };

    private async Task<JsonObject?> BuildAsync(RegistrySnapshot snapshot, string type, string id, CancellationToken cancellationToken) => type switch
    {
        "WasteContainer" => await ContainerAsync(snapshot.Find<Bin>(RegistryKinds.Bins, id)!, cancellationToken),
        "Vehicle" => await VehicleAsync(snapshot.Find<Truck>(RegistryKinds.Trucks, id)!, cancellationToken),
        "AirQualityObserved" => await AirAsync(snapshot.Find<Site>(RegistryKinds.Sites, id)!, cancellationToken),
        _ => null,
    };

    private async Task<JsonObject> ContainerAsync(Bin bin, CancellationToken cancellationToken)
    {
        var entity = Start("WasteContainer", bin.Id, bin.Name, bin.Lat, bin.Lon);
        entity["binCapacity"] = bin.CapacityL;
        entity["storedWasteKind"] = WasteKind(bin.WasteKind);
        entity["storedWasteOrigin"] = bin.Site.Length > 0 ? "municipal" : "household";
        entity["refDevice"] = new JsonArray(EntityId("Device", bin.Device));
        if (await LatestAsync<BinFillReading>([bin.Device], MessageKinds.Fill, cancellationToken) is { } fill)
        {
            if (fill.FillingLevel is { } level)
            {
                entity["fillingLevel"] = Math.Round(level, 3);
            }

            if (fill.Temperature is { } temperature)
            {
                entity["temperature"] = temperature;
            }

            entity["status"] = fill.Status switch
            {
                BinStatus.Ok => "ok",
                BinStatus.LidOpen => "lidOpen",
                BinStatus.Dropped => "dropped",
                BinStatus.Moved => "moved",
                _ => "unknown",
            };
            entity["dateModified"] = Instant(fill.Ts);
        }

        return entity;
    }

    private async Task<JsonObject?> VehicleAsync(Truck truck, CancellationToken cancellationToken)
    {
        var entity = new JsonObject
        {
            ["id"] = EntityId("Vehicle", truck.Id),
            ["type"] = "Vehicle",
            ["name"] = truck.Id,
            ["vehicleType"] = "lorry",
            ["category"] = new JsonArray("municipalServices", "tracked"),
            ["vehiclePlateIdentifier"] = truck.Id,
            ["serviceProvided"] = new JsonArray("garbageCollection"),
            ["vehicleSpecialUsage"] = "trashManagement",
        };
        var fix = await LatestAsync<TruckPosition>(truck.Devices, MessageKinds.Position, cancellationToken);
        var cover = await LatestAsync<CargoCoverEvent>(truck.Devices, MessageKinds.Cover, cancellationToken);

        // The schema requires a position: a truck never heard from is not an entity yet, rather than one placed at an invented spot.
        if (fix is null)
        {
            return null;
        }

        entity["location"] = Point(fix.Lat, fix.Lon);
        {
            entity["speed"] = fix.Speed;
            entity["heading"] = fix.Heading is { } heading ? heading % 360 : -1;
            entity["observationDateTime"] = Instant(fix.Ts);
            entity["serviceStatus"] = fix.Speed > 5 ? "onRoute" : "parked";
        }

        entity["cargoCoverStatus"] = CargoCovers.Name(cover is null ? CargoCover.Unknown : CargoCovers.From(cover.State));
        entity["@context"] = new JsonArray(Context);
        return entity;
    }

    private async Task<JsonObject?> AirAsync(Site site, CancellationToken cancellationToken)
    {
        var entity = new JsonObject
        {
            ["id"] = EntityId("AirQualityObserved", site.Id),
            ["type"] = "AirQualityObserved",
            ["name"] = site.Name,
            ["location"] = Point(site.Lat, site.Lon),
            ["typeofLocation"] = site.Kind == SiteKind.Toilet ? "indoor" : "outdoor",
            ["refPointOfInterest"] = EntityId("PointOfInterest", site.Id),
            // AirQualityObserved's refDevice is one id (WasteContainer's is a list): the site's first node, the one that measures air.
            ["refDevice"] = EntityId("Device", site.Devices[0]),
        };
        var air = await LatestAsync<SiteAirReading>(site.Devices, MessageKinds.Air, cancellationToken);

        // dateObserved is required: a site whose node has not measured yet has no observation to show.
        if (air is null)
        {
            return null;
        }

        entity["dateObserved"] = Instant(air.Ts);
        {
            Set(entity, "nh3", air.Nh3);
            Set(entity, "sh2", air.Sh2);
            Set(entity, "pm25", air.Pm25);
            Set(entity, "pm10", air.Pm10);
            Set(entity, "temperature", air.Temperature);
            Set(entity, "relativeHumidity", air.RelativeHumidity);
        }

        entity["@context"] = new JsonArray(Context);
        return entity;
    }

    /// <summary>The latest message of a kind from any of a thing's devices.</summary>
    private async Task<T?> LatestAsync<T>(IEnumerable<string> devices, string kind, CancellationToken cancellationToken)
        where T : DeviceMessage
    {
        T? latest = null;
        foreach (var device in devices)
        {
            if (await store.LatestAsync(device, kind, cancellationToken) is { } row
                && JsonSerializer.Deserialize(row.Json, ContractJsonContext.Default.DeviceMessage) is T message && (latest is null || message.Ts > latest.Ts))
            {
                latest = message;
            }
        }

        return latest;
    }

    private static JsonObject Start(string type, string id, string name, double lat, double lon) => new()
    {
        ["id"] = EntityId(type, id),
        ["type"] = type,
        ["name"] = name,
        ["location"] = Point(lat, lon),
        ["@context"] = new JsonArray(Context),
    };

    private static JsonObject Point(double lat, double lon) => new() { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) };

    private static string Instant(DateTimeOffset ts) => ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static void Set(JsonObject entity, string name, double? value)
    {
        if (value is { } v)
        {
            entity[name] = v;
        }
    }

    private static string WasteKind(string kind) => kind.ToLowerInvariant() switch
    {
        "organic" or "kitchen" or "food" or "厨余垃圾" or "湿垃圾" => "organic",
        "glass" or "plastic" or "metal" or "paper" or "batteries" or "electronics" or "oil" => kind.ToLowerInvariant(),
        "hazardous" or "有害垃圾" => "hazardous",
        _ => "other",
    };
}
