using System.Text.Json.Serialization;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Downlink;

/// <summary>The gateway's answer to a truck's pickup scan, shown to the crew by buzzer and LED.</summary>
public sealed record ScanFeedback
{
    [JsonPropertyOrder(-11)]
    public string Kind { get; init; } = MessageKinds.ScanResult;

    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    public required string Device { get; init; }

    /// <summary>Boot and seq of the scan being answered.</summary>
    public required long Boot { get; init; }

    public required long Seq { get; init; }

    public required string Tag { get; init; }

    public required ScanOutcome Outcome { get; init; }

    /// <summary>The household the tag belongs to, when known.</summary>
    public string? Household { get; init; }

    public ContractViolation? Validate() => Check.First(
        Kind == MessageKinds.ScanResult ? null : new ContractViolation(ViolationReason.UnknownKind, "kind", $"expected '{MessageKinds.ScanResult}'"),
        Check.IsValidId(Device) ? null : new ContractViolation(ViolationReason.InvalidId, "device", "not a valid id"),
        Check.Token(Tag, "tag"),
        Check.Token(Household, "household", required: false, maxLength: 64),
        Check.Defined(Outcome, "outcome"));
}
