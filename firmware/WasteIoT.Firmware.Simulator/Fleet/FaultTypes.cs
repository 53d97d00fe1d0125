namespace WasteIoT.Firmware.Simulator.Fleet;

public static class FaultTypes
{
    public const string CoverOpenWhileDriving = "coverOpenWhileDriving";
    public const string SkipHousehold = "skipHousehold";
    public const string BinNotTipped = "binNotTipped";
    public const string CleaningsOnly = "cleaningsOnly";
    public const string SensorDropout = "sensorDropout";
    public const string Reboot = "reboot";
    public const string DeadZone = "deadZone";
    public const string PowerOff = "powerOff";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CoverOpenWhileDriving, SkipHousehold, BinNotTipped, CleaningsOnly, SensorDropout, Reboot, DeadZone, PowerOff,
    };
}
