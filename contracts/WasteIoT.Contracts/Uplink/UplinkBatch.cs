using System.Text.Json.Serialization;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Uplink;

/// <summary>Device messages forwarded by a gateway to the cloud, oldest first within each device.</summary>
public sealed record UplinkBatch
{
    [JsonPropertyOrder(-11)]
    public string Kind { get; init; } = MessageKinds.Batch;

    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    public required string Gateway { get; init; }

    /// <summary>Batch number, increasing per gateway; the cloud's acknowledgement names it.</summary>
    public required long Batch { get; init; }

    public required DateTimeOffset Sent { get; init; }

    public required IReadOnlyList<BatchRecord> Records { get; init; }

    public ContractViolation? Validate() => Check.First(
        Kind == MessageKinds.Batch ? null : new ContractViolation(ViolationReason.UnknownKind, "kind", $"expected '{MessageKinds.Batch}'"),
        Schema == WireLimits.SchemaVersion ? null : new ContractViolation(ViolationReason.UnsupportedSchema, "schema", $"schema {Schema} is not supported"),
        Check.IsValidId(Gateway) ? null : new ContractViolation(ViolationReason.InvalidId, "gateway", "not a valid id"),
        Check.Range(Batch, "batch", 0, long.MaxValue),
        Check.Range(Records.Count, "records", 1, WireLimits.MaxBatchRecords));
}
