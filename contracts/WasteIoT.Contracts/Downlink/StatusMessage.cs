using System.Text.Json.Serialization;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Downlink;

/// <summary>
/// Presence of a device or gateway on its retained <c>…/status</c> topic. The client publishes
/// <c>online: true</c> after connecting and registers the same message with <c>online: false</c>
/// as its last will, so the broker announces an unclean disconnect.
/// </summary>
public sealed record StatusMessage
{
    [JsonPropertyOrder(-11)]
    public string Kind { get; init; } = MessageKinds.Status;

    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    /// <summary>The device or gateway id, the same as in the topic.</summary>
    public required string Client { get; init; }

    public long? Boot { get; init; }

    public required bool Online { get; init; }

    public string? Fw { get; init; }

    /// <summary>A gateway's store, reported with its presence every minute while connected (devices leave it out).</summary>
    public GatewayBacklog? Backlog { get; init; }

    public ContractViolation? Validate() => Check.First(
        Kind == MessageKinds.Status ? null : new ContractViolation(ViolationReason.UnknownKind, "kind", $"expected '{MessageKinds.Status}'"),
        Check.IsValidId(Client) ? null : new ContractViolation(ViolationReason.InvalidId, "client", "not a valid id"),
        Check.Token(Fw, "fw", required: false),
        Backlog?.Validate());
}
