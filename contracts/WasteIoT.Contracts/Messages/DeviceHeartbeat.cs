using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>Periodic health of a device, including its store-and-forward counters.</summary>
public sealed record DeviceHeartbeat : DeviceMessage
{
    public required long UptimeS { get; init; }

    /// <summary>V.</summary>
    public double? Battery { get; init; }

    /// <summary>Wi-Fi or cellular signal, dBm.</summary>
    public int? Rssi { get; init; }

    public required string Fw { get; init; }

    /// <summary>Readings waiting in the device's flash log.</summary>
    public required int Buffered { get; init; }

    /// <summary>Readings evicted from a full buffer since the device was installed.</summary>
    public required long Dropped { get; init; }

    /// <summary>Truck nodes report the cargo cover in every heartbeat.</summary>
    public CoverState? Cover { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Heartbeat;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Range(UptimeS, "uptimeS", 0, 10L * 365 * 86_400),
        Check.Range(Battery, "battery", 0, 5),
        Check.Range(Rssi, "rssi", -130, 0),
        Check.Token(Fw, "fw"),
        Check.Range(Buffered, "buffered", 0, 1_000_000),
        Check.Range(Dropped, "dropped", 0, long.MaxValue),
        Cover is { } c ? Check.Defined(c, "cover") : null);
}
