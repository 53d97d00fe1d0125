namespace WasteIoT.Firmware.Core.Protocol
{
    public enum JsonValueKind
    {
        None = 0,
        String = 1,
        Number = 2,
        True = 3,
        False = 4,
        Null = 5,
        Object = 6,
        Array = 7,
    }
}
