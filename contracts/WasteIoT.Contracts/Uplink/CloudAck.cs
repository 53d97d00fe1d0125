using System.Text.Json.Serialization;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Contracts.Uplink;

/// <summary>
/// The cloud's verdict on a committed batch, sent after the MQTT PUBACK. The PUBACK alone lets the
/// gateway mark rows sent; this message tells it what became of each one.
/// </summary>
public sealed record CloudAck
{
    [JsonPropertyOrder(-11)]
    public string Kind { get; init; } = MessageKinds.Ack;

    [JsonPropertyOrder(-10)]
    public int Schema { get; init; } = WireLimits.SchemaVersion;

    public required string Gateway { get; init; }

    public required long Batch { get; init; }

    /// <summary>Records stored for the first time.</summary>
    public required int Accepted { get; init; }

    /// <summary>Records the cloud already had (same device, boot and seq).</summary>
    public required int Duplicates { get; init; }

    public required IReadOnlyList<RejectedRecord> Rejected { get; init; }
}
