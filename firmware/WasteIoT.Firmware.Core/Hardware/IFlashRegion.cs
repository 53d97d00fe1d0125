namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>
    /// A fixed-size region of non-volatile storage (a preallocated file on the ESP32's wear-levelled
    /// flash file system). A write interrupted by power loss may leave any prefix of its bytes written.
    /// </summary>
    public interface IFlashRegion
    {
        int Size { get; }

        void Read(int offset, byte[] buffer, int index, int count);

        void Write(int offset, byte[] buffer, int index, int count);
    }
}
