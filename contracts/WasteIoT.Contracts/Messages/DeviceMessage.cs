using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>
/// A message born on a device. <c>(Device, Boot, Seq)</c> is the idempotency key in every tier.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(BinFillReading), MessageKinds.Fill)]
[JsonDerivedType(typeof(SiteAirReading), MessageKinds.Air)]
[JsonDerivedType(typeof(CleanerBadgeEvent), MessageKinds.Badge)]
[JsonDerivedType(typeof(DisinfectionRecord), MessageKinds.Disinfect)]
[JsonDerivedType(typeof(TruckPosition), MessageKinds.Position)]
[JsonDerivedType(typeof(CargoCoverEvent), MessageKinds.Cover)]
[JsonDerivedType(typeof(PickupScan), MessageKinds.Scan)]
[JsonDerivedType(typeof(LevelReading), MessageKinds.Level)]
[JsonDerivedType(typeof(DeviceHeartbeat), MessageKinds.Heartbeat)]
[JsonDerivedType(typeof(EquipmentEvent), MessageKinds.Work)]
[JsonDerivedType(typeof(Weighing), MessageKinds.Weigh)]
[JsonDerivedType(typeof(LeachateTreatment), MessageKinds.Treat)]
public abstract record DeviceMessage
{
    /// <summary>Major schema version; receivers reject versions they do not know.</summary>
    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    [JsonPropertyOrder(-9)]
    public required string Device { get; init; }

    /// <summary>Boot counter persisted on the device; a reboot starts a new sequence.</summary>
    [JsonPropertyOrder(-8)]
    public required long Boot { get; init; }

    /// <summary>Monotonic within one boot, starting at 1.</summary>
    [JsonPropertyOrder(-7)]
    public required long Seq { get; init; }

    /// <summary>Device clock, UTC.</summary>
    [JsonPropertyOrder(-6)]
    public required DateTimeOffset Ts { get; init; }

    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>Checks the kind's fields against the ranges in docs/protocol.md.</summary>
    /// <returns>The first violation, or null when the body is valid.</returns>
    public abstract ContractViolation? ValidateBody();
}
