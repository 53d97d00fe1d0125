namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The work equipment a vehicle's node watches (the contract's WorkEquipment names).</summary>
    public static class WorkEquipment
    {
        public const string Brush = "brush";
        public const string Pump = "pump";
        public const string Cannon = "cannon";
        public const string Tipper = "tipper";

        public static bool IsKnown(string value)
        {
            return value == Brush || value == Pump || value == Cannon || value == Tipper;
        }
    }
}
