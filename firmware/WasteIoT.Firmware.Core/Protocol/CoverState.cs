namespace WasteIoT.Firmware.Core.Protocol
{
    public static class CoverState
    {
        public const string Closed = "closed";
        public const string Open = "open";

        public static bool IsKnown(string value)
        {
            return value == Closed || value == Open;
        }
    }
}
