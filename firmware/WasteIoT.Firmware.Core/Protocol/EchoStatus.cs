namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>Health of a ranging sensor's echo; anything but ok means the message carries no level.</summary>
    public static class EchoStatus
    {
        public const string Ok = "ok";
        public const string Lost = "lost";
        public const string OutOfRange = "outOfRange";
        public const string Unstable = "unstable";

        public static bool IsKnown(string value)
        {
            return value == Ok || value == Lost || value == OutOfRange || value == Unstable;
        }
    }
}
