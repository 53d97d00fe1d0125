using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>
    /// Segment files in RAM for the simulator and tests, with the flash wear littlefs would incur counted by a
    /// <see cref="LittleFsWearMeter"/> (shared by the stores of one device), and power loss: after
    /// <see cref="FailAfterBytes"/> more bytes an append stops short and throws.
    /// </summary>
    public class MemorySegmentStore : ISegmentStore
    {
        private readonly System.Collections.ArrayList _numbers = new System.Collections.ArrayList();
        private readonly System.Collections.ArrayList _files = new System.Collections.ArrayList();
        private readonly LittleFsWearMeter _meter;
        private int _failAfterBytes = -1;

        public MemorySegmentStore(LittleFsWearMeter meter)
        {
            _meter = meter;
        }

        public LittleFsWearMeter Meter
        {
            get { return _meter; }
        }

        /// <summary>Arms a power failure after this many more appended bytes; -1 disarms.</summary>
        public int FailAfterBytes
        {
            get { return _failAfterBytes; }
            set { _failAfterBytes = value; }
        }

        public int List(int[] files)
        {
            int count = _numbers.Count < files.Length ? _numbers.Count : files.Length;
            for (int i = 0; i < count; i++)
            {
                files[i] = (int)_numbers[i];
            }

            return count;
        }

        public int Length(int file)
        {
            int index = _numbers.IndexOf(file);
            return index < 0 ? 0 : ((byte[])_files[index]).Length;
        }

        public void Read(int file, int offset, byte[] buffer, int index, int count)
        {
            int at = _numbers.IndexOf(file);
            byte[] bytes = at < 0 ? new byte[0] : (byte[])_files[at];
            if (offset < 0 || count < 0 || offset + count > bytes.Length)
            {
                throw new System.ArgumentOutOfRangeException("offset");
            }

            System.Array.Copy(bytes, offset, buffer, index, count);
        }

        public void Append(int file, byte[] buffer, int index, int count)
        {
            int at = _numbers.IndexOf(file);
            byte[] old = at < 0 ? new byte[0] : (byte[])_files[at];
            int allowed = count;
            if (_failAfterBytes >= 0 && _failAfterBytes < count)
            {
                allowed = _failAfterBytes;
            }

            byte[] grown = new byte[old.Length + allowed];
            System.Array.Copy(old, grown, old.Length);
            System.Array.Copy(buffer, index, grown, old.Length, allowed);
            if (at < 0)
            {
                _numbers.Add(file);
                _files.Add(grown);
            }
            else
            {
                _files[at] = grown;
            }

            _meter.Append(old.Length, allowed);
            if (_failAfterBytes >= 0)
            {
                _failAfterBytes -= allowed;
                if (allowed < count)
                {
                    _failAfterBytes = -1;
                    throw new PowerLossException();
                }
            }
        }

        public void Delete(int file)
        {
            int at = _numbers.IndexOf(file);
            if (at >= 0)
            {
                _numbers.RemoveAt(at);
                _files.RemoveAt(at);
                _meter.Delete();
            }
        }
    }
}
