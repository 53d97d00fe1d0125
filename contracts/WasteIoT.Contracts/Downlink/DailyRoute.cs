using System.Text.Json.Serialization;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Downlink;

/// <summary>
/// Today's route for a truck, sent by the cloud to the truck's gateway (retained), so the gateway can
/// answer pickup scans while the uplink is down.
/// </summary>
public sealed record DailyRoute
{
    [JsonPropertyOrder(-11)]
    public string Kind { get; init; } = MessageKinds.Route;

    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    public required string Gateway { get; init; }

    public required string Route { get; init; }

    public required string Truck { get; init; }

    /// <summary>The local service day (yyyy-MM-dd, the county's time zone).</summary>
    public required DateOnly Date { get; init; }

    public required IReadOnlyList<RouteStop> Households { get; init; }

    public ContractViolation? Validate()
    {
        var head = Check.First(
            Kind == MessageKinds.Route ? null : new ContractViolation(ViolationReason.UnknownKind, "kind", $"expected '{MessageKinds.Route}'"),
            Check.IsValidId(Gateway) ? null : new ContractViolation(ViolationReason.InvalidId, "gateway", "not a valid id"),
            Check.Token(Route, "route", maxLength: 64),
            Check.Token(Truck, "truck", maxLength: 64));
        if (head is not null)
        {
            return head;
        }

        for (var i = 0; i < Households.Count; i++)
        {
            var s = Households[i];
            var v = Check.First(
                Check.Token(s.Household, $"households[{i}].household", maxLength: 64),
                Check.Token(s.Tag, $"households[{i}].tag"),
                Check.Range(s.Lat, $"households[{i}].lat", -90, 90),
                Check.Range(s.Lon, $"households[{i}].lon", -180, 180));
            if (v is not null)
            {
                return v;
            }
        }

        return null;
    }
}
