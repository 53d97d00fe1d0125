namespace WasteIoT.Contracts;

/// <summary>Numbers of the wire contract (docs/protocol.md, "Limits").</summary>
public static class WireLimits
{
    /// <summary>The major schema version this build speaks.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Largest device-hop payload. A bin reading is under 200 bytes; the margin is for scans and heartbeats.</summary>
    public const int MaxDevicePayloadBytes = 1024;

    /// <summary>Largest gateway batch; stays under Azure IoT Hub's 256 KB device-to-cloud message limit.</summary>
    public const int MaxBatchBytes = 240 * 1024;

    /// <summary>Most records in one batch.</summary>
    public const int MaxBatchRecords = 1000;

    /// <summary>Largest downlink (today's route for a truck of a county-sized route).</summary>
    public const int MaxDownlinkBytes = 1024 * 1024;

    /// <summary>A device timestamp before this means the device clock was never set.</summary>
    public static readonly DateTimeOffset EarliestPlausibleTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far a device clock may run ahead of the receiver's.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);
}
