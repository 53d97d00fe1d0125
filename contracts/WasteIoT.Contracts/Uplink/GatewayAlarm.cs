using System.Text.Json.Serialization;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Uplink;

/// <summary>
/// An edge rule fired on a gateway (cargo cover open while the truck drives). Sent to the cloud at once, outside
/// the batches; the cloud's own check decides the violation from the stored data.
/// </summary>
public sealed record GatewayAlarm
{
    [JsonPropertyOrder(-11)]
    public string Kind { get; init; } = MessageKinds.Alarm;

    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    public required string Gateway { get; init; }

    /// <summary>The device whose data fired the rule.</summary>
    public required string Device { get; init; }

    /// <summary><c>coverOpenWhileMoving</c>.</summary>
    public required string Alarm { get; init; }

    /// <summary>When the condition began.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>When the rule fired.</summary>
    public required DateTimeOffset Ts { get; init; }

    /// <summary>km/h at the moment it fired.</summary>
    public double? Speed { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public ContractViolation? Validate() => Check.First(
        Kind == MessageKinds.Alarm ? null : new ContractViolation(ViolationReason.UnknownKind, "kind", $"expected '{MessageKinds.Alarm}'"),
        Check.IsValidId(Gateway) ? null : new ContractViolation(ViolationReason.InvalidId, "gateway", "not a valid id"),
        Check.IsValidId(Device) ? null : new ContractViolation(ViolationReason.InvalidId, "device", "not a valid id"),
        Check.Token(Alarm, "alarm"),
        Check.Range(Speed, "speed", 0, 250),
        Check.Range(Lat, "lat", -90, 90),
        Check.Range(Lon, "lon", -180, 180));
}
