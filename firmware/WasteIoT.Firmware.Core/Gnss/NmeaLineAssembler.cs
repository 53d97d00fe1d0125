namespace WasteIoT.Firmware.Core.Gnss
{
    /// <summary>
    /// Cuts the receiver's UART byte stream into sentence lines. A line starts at '$' or '!' (anything
    /// before is garbage from a partial read or a baud mismatch) and ends at CR or LF; a line longer than
    /// <see cref="NmeaSentence.MaxLength"/> is dropped whole.
    /// </summary>
    public class NmeaLineAssembler
    {
        private readonly char[] _line = new char[NmeaSentence.MaxLength];
        private int _length;
        private bool _inLine;
        private bool _overflowed;
        private int _garbageBytes;

        public char[] Line
        {
            get { return _line; }
        }

        public int Length
        {
            get { return _length; }
        }

        /// <summary>Bytes skipped because they were not part of a sentence.</summary>
        public int GarbageBytes
        {
            get { return _garbageBytes; }
        }

        /// <summary>Feeds one byte; true when <see cref="Line"/> holds a complete line.</summary>
        public bool Feed(byte value)
        {
            char c = (char)value;
            if (c == '$' || c == '!')
            {
                if (_inLine)
                {
                    _garbageBytes += _length;
                }

                _inLine = true;
                _overflowed = false;
                _line[0] = c;
                _length = 1;
                return false;
            }

            if (!_inLine)
            {
                if (c != '\r' && c != '\n')
                {
                    _garbageBytes++;
                }

                return false;
            }

            if (c == '\r' || c == '\n')
            {
                _inLine = false;
                if (_overflowed)
                {
                    _garbageBytes += _length;
                    return false;
                }

                return true;
            }

            if (_length >= _line.Length)
            {
                _overflowed = true;
                return false;
            }

            _line[_length++] = c;
            return false;
        }
    }
}
