namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>FIWARE WasteContainer <c>status</c> values as sent on the wire.</summary>
    public static class BinStatus
    {
        public const string Ok = "ok";
        public const string LidOpen = "lidOpen";
        public const string Dropped = "dropped";
        public const string Moved = "moved";
        public const string Unknown = "unknown";

        public static bool IsKnown(string value)
        {
            return value == Ok || value == LidOpen || value == Dropped || value == Moved || value == Unknown;
        }
    }
}
