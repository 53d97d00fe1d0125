using System.IO;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// A preallocated file on the ESP32's internal flash file system (drive I:), which does the wear
    /// levelling. Created filled with 0xFF, the erased state the ring's layout expects.
    /// </summary>
    public class FileFlashRegion : IFlashRegion
    {
        private readonly FileStream _file;
        private readonly int _size;

        public FileFlashRegion(string path, int size)
        {
            _size = size;
            bool exists = File.Exists(path);
            _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (!exists || _file.Length != size)
            {
                byte[] erased = new byte[256];
                for (int i = 0; i < erased.Length; i++)
                {
                    erased[i] = 0xFF;
                }

                _file.Seek(0, SeekOrigin.Begin);
                for (int written = 0; written < size; written += erased.Length)
                {
                    _file.Write(erased, 0, size - written < erased.Length ? size - written : erased.Length);
                }

                _file.Flush();
            }
        }

        public int Size
        {
            get { return _size; }
        }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            _file.Seek(offset, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int n = _file.Read(buffer, index + done, count - done);
                if (n <= 0)
                {
                    break;
                }

                done += n;
            }
        }

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            _file.Seek(offset, SeekOrigin.Begin);
            _file.Write(buffer, index, count);
            _file.Flush();
        }
    }
}
