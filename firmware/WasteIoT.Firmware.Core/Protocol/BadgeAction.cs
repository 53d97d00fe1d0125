namespace WasteIoT.Firmware.Core.Protocol
{
    public static class BadgeAction
    {
        public const string CheckIn = "checkIn";
        public const string CheckOut = "checkOut";

        /// <summary>The node closed a visit whose check-out never came.</summary>
        public const string Timeout = "timeout";

        public static bool IsKnown(string value)
        {
            return value == CheckIn || value == CheckOut || value == Timeout;
        }
    }
}
