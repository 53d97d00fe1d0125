namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// Markers for an optional field with no value. nanoFramework has no <c>int?</c> and no generics,
    /// so optional doubles are NaN and optional integers this sentinel.
    /// </summary>
    public static class Absent
    {
        public const int Int = int.MinValue;
    }
}
