namespace WasteIoT.Contracts.Messages;

/// <summary>The <c>kind</c> discriminator of every message, which is also the last topic level.</summary>
public static class MessageKinds
{
    public const string Fill = "fill";
    public const string Air = "air";
    public const string Badge = "badge";
    public const string Disinfect = "disinfect";
    public const string Position = "pos";
    public const string Cover = "cover";
    public const string Scan = "scan";
    public const string Level = "level";
    public const string Heartbeat = "hb";
    public const string Work = "work";
    public const string Weigh = "weigh";
    public const string Treat = "treat";

    public const string Status = "status";
    public const string Config = "config";
    public const string ScanResult = "scanResult";
    public const string Route = "route";
    public const string Batch = "batch";
    public const string Ack = "ack";
    public const string Alarm = "alarm";

    /// <summary>Kinds a device may publish on its uplink topic.</summary>
    public static readonly IReadOnlySet<string> DeviceUplink = new HashSet<string>(StringComparer.Ordinal)
    {
        Fill, Air, Badge, Disinfect, Position, Cover, Scan, Level, Heartbeat, Work, Weigh, Treat,
    };
}
