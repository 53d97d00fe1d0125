namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The gateway's verdict on a pickup scan, as sent in <c>scanResult</c>.</summary>
    public static class ScanOutcome
    {
        public const string Accepted = "accepted";
        public const string Duplicate = "duplicate";
        public const string NotOnRoute = "notOnRoute";
        public const string UnknownTag = "unknownTag";

        public static bool IsKnown(string value)
        {
            return value == Accepted || value == Duplicate || value == NotOnRoute || value == UnknownTag;
        }
    }
}
