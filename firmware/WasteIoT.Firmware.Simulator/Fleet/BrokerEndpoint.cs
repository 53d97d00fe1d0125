namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>The MQTT broker the devices connect to (a gateway, or any broker).</summary>
public sealed record BrokerEndpoint
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    /// <summary>Password for devices that have none of their own (a plain test broker ignores it).</summary>
    public string DefaultPassword { get; init; } = "";
}
