namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>
    /// A directory of numbered files on the device's flash file system (littlefs on the ESP32's <c>config</c>
    /// partition) that are only ever appended to and deleted whole: littlefs rewrites a file's last block on every
    /// append that ends in mid-block and every block after a change in the middle, so nothing is written in place.
    /// An append interrupted by power loss may leave any prefix of its bytes.
    /// </summary>
    public interface ISegmentStore
    {
        /// <summary>Fills <paramref name="files"/> with the numbers of the files present, in no order.</summary>
        /// <returns>How many there are (at most the array's length).</returns>
        int List(int[] files);

        /// <summary>Bytes in the file; 0 when it does not exist.</summary>
        int Length(int file);

        void Read(int file, int offset, byte[] buffer, int index, int count);

        /// <summary>Appends to the end of the file, creating it when missing; durable when it returns.</summary>
        void Append(int file, byte[] buffer, int index, int count);

        void Delete(int file);
    }
}
