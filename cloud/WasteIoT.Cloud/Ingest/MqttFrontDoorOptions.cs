using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Ingest;

/// <summary>The <c>Cloud:MqttFrontDoor</c> section: what the gateway-facing MQTT port accepts before MQTTnet reads a byte.</summary>
public sealed class MqttFrontDoorOptions
{
    public const string Section = "Cloud:MqttFrontDoor";

    /// <summary>Largest packet: a full batch (240 KiB, docs/protocol.md §5) with its topic and headers.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxPacketBytes { get; set; } = 256 * 1024;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Connections not yet accepted, in all and from one address.</summary>
    [Range(1, 100_000)]
    public int MaxPending { get; set; } = 64;

    [Range(1, 100_000)]
    public int MaxPendingPerAddress { get; set; } = 8;
}
