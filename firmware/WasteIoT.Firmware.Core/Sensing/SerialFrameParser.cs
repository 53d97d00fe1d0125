namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>
    /// Finds fixed-length frames with a two-byte header in a UART byte stream. Bytes before a header are
    /// skipped; a frame that fails its check is counted and the search resumes inside it, at the next
    /// possible header, so one corrupted byte costs at most one frame.
    /// </summary>
    public abstract class SerialFrameParser
    {
        private readonly byte _header0;
        private readonly byte _header1;
        private readonly byte[] _frame;
        private readonly byte[] _replay;
        private int _length;

        protected SerialFrameParser(byte header0, byte header1, int frameLength)
        {
            _header0 = header0;
            _header1 = header1;
            _frame = new byte[frameLength];
            _replay = new byte[frameLength];
        }

        public int ChecksumErrors;

        public int SkippedBytes;

        /// <returns>True when a valid frame completed and its values were taken.</returns>
        public bool Feed(byte value)
        {
            return Step(value, true);
        }

        /// <summary>Checks a complete frame and takes its values.</summary>
        protected abstract bool Accept(byte[] frame);

        private bool Step(byte value, bool resync)
        {
            if (_length == 0 && value != _header0)
            {
                SkippedBytes++;
                return false;
            }

            if (_length == 1 && value != _header1)
            {
                SkippedBytes++;
                _length = value == _header0 ? 1 : 0;
                return false;
            }

            _frame[_length++] = value;
            if (_length < _frame.Length)
            {
                return false;
            }

            _length = 0;
            if (Accept(_frame))
            {
                return true;
            }

            ChecksumErrors++;
            return resync && Resync();
        }

        private bool Resync()
        {
            int start = 1;
            while (start < _frame.Length && _frame[start] != _header0)
            {
                start++;
            }

            int count = _frame.Length - start;
            SkippedBytes += start;
            System.Array.Copy(_frame, start, _replay, 0, count);
            bool found = false;
            for (int i = 0; i < count; i++)
            {
                // One level of replay: a second bad frame inside the first is simply skipped.
                found = Step(_replay[i], false) || found;
            }

            return found;
        }
    }
}
