namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>A load the node powers only while it needs it: the sensor rail, the battery divider.</summary>
    public interface ISwitch
    {
        void Set(bool on);
    }
}
