namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>A vehicle's first pass over the weighbridge in a visit, or its second (the contract's WeighDirection names).</summary>
    public static class WeighDirection
    {
        public const string In = "in";
        public const string Out = "out";

        public static bool IsKnown(string value)
        {
            return value == In || value == Out;
        }
    }
}
