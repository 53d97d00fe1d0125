using System.Text.Json.Serialization;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Downlink;

/// <summary>
/// Settings the cloud sends down to one device (retained, so a sleeping node gets it on its next wake).
/// Every setting is optional: a device keeps its persisted value for what is absent, and ignores what it does not use.
/// </summary>
public sealed record DeviceConfig
{
    [JsonPropertyOrder(-11)]
    public string Kind { get; init; } = MessageKinds.Config;

    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    public required string Device { get; init; }

    /// <summary>Increases with every change; a device applies a config only when its revision is newer.</summary>
    public required long Revision { get; init; }

    public int? MeasureIntervalS { get; init; }

    public int? PublishIntervalS { get; init; }

    public int? HeartbeatIntervalS { get; init; }

    /// <summary>Bin node: publish early when the level moved by at least this much (0..1).</summary>
    public double? FillChangeThreshold { get; init; }

    /// <summary>Truck node: the same tag within this window is one pickup scan.</summary>
    public int? ScanDebounceS { get; init; }

    /// <summary>Site node: a visit shorter than this is not a cleaning.</summary>
    public int? MinDwellS { get; init; }

    /// <summary>The most publishes a second the device sends: a backlog drains under its gateway's rate.</summary>
    public int? MaxPublishPerS { get; init; }

    public ContractViolation? Validate() => Check.First(
        Kind == MessageKinds.Config ? null : new ContractViolation(ViolationReason.UnknownKind, "kind", $"expected '{MessageKinds.Config}'"),
        Check.IsValidId(Device) ? null : new ContractViolation(ViolationReason.InvalidId, "device", "not a valid id"),
        Check.Range(Revision, "revision", 0, long.MaxValue),
        Check.Range(MeasureIntervalS, "measureIntervalS", 1, 86_400),
        Check.Range(PublishIntervalS, "publishIntervalS", 1, 86_400),
        Check.Range(HeartbeatIntervalS, "heartbeatIntervalS", 10, 86_400),
        Check.Range(FillChangeThreshold, "fillChangeThreshold", 0, 1),
        Check.Range(ScanDebounceS, "scanDebounceS", 0, 3_600),
        Check.Range(MinDwellS, "minDwellS", 0, 7_200),
        Check.Range(MaxPublishPerS, "maxPublishPerS", 1, 1_000));
}
