using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>
    /// A flash region in RAM, erased to 0xFF, for the host simulator and tests. It can simulate power
    /// loss: after <see cref="FailAfterBytes"/> more bytes a write stops short and throws.
    /// </summary>
    public class MemoryFlashRegion : IFlashRegion
    {
        private readonly byte[] _bytes;
        private int _failAfterBytes = -1;
        private long _bytesWritten;

        public MemoryFlashRegion(int size)
        {
            _bytes = new byte[size];
            for (int i = 0; i < size; i++)
            {
                _bytes[i] = 0xFF;
            }
        }

        public int Size
        {
            get { return _bytes.Length; }
        }

        /// <summary>Bytes written since creation: a measure of flash wear.</summary>
        public long BytesWritten
        {
            get { return _bytesWritten; }
        }

        /// <summary>Arms a power failure after this many more written bytes; -1 disarms.</summary>
        public int FailAfterBytes
        {
            get { return _failAfterBytes; }
            set { _failAfterBytes = value; }
        }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            System.Array.Copy(_bytes, offset, buffer, index, count);
        }

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            if (offset < 0 || offset + count > _bytes.Length)
            {
                throw new System.ArgumentOutOfRangeException("offset");
            }

            int allowed = count;
            if (_failAfterBytes >= 0 && _failAfterBytes < count)
            {
                allowed = _failAfterBytes;
            }

            System.Array.Copy(buffer, index, _bytes, offset, allowed);
            _bytesWritten += allowed;
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
    }
}
