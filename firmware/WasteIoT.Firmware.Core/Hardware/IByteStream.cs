namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>A UART (GNSS receiver, SDS011 or PMS5003 dust sensor).</summary>
    public interface IByteStream
    {
        /// <summary>Reads what has arrived, without blocking.</summary>
        /// <returns>Bytes read, 0 when none are waiting.</returns>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends a command to the device (the SDS011's work period); a receiver that takes none ignores it.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
