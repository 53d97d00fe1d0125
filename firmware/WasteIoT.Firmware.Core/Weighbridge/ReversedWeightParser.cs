namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>
    /// The other common continuous output (XK3190-A12/A12E, D2+ and many Chinese indicators, tf=0): '=' then the
    /// displayed weight's seven characters in reverse order, no check — 1250.00 is sent as <c>=00.0521</c>, -20 (shown
    /// -000020) as <c>=020000-</c>. A frame with anything but digits, one point and a leading minus is counted and dropped.
    /// </summary>
    public class ReversedWeightParser : IWeightFrames
    {
        private readonly char[] _chars = new char[7];
        private readonly int _kgPerUnit;
        private int _length = -1;

        /// <param name="kgPerUnit">1 when the indicator shows kg, 1000 when it shows t.</param>
        public ReversedWeightParser(int kgPerUnit)
        {
            _kgPerUnit = kgPerUnit;
        }

        public int WeightKg { get; private set; }

        public int Frames;

        public int BadFrames;

        public bool Feed(byte value)
        {
            if (value == '=')
            {
                if (_length > 0)
                {
                    BadFrames++;
                }

                _length = 0;
                return false;
            }

            if (_length < 0 || value == '\r' || value == '\n')
            {
                return false;
            }

            _chars[_length++] = (char)value;
            if (_length < _chars.Length)
            {
                return false;
            }

            _length = -1;
            if (!Accept())
            {
                BadFrames++;
                return false;
            }

            Frames++;
            return true;
        }

        private bool Accept()
        {
            long digits = 0;
            int decimals = 0;
            bool point = false;
            bool negative = false;
            int seen = 0;
            for (int i = _chars.Length - 1; i >= 0; i--)
            {
                char c = _chars[i];
                if (c == '-' && i == _chars.Length - 1)
                {
                    negative = true;
                }
                else if (c == '.' && !point)
                {
                    point = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    digits = (digits * 10) + (c - '0');
                    seen++;
                    if (point)
                    {
                        decimals++;
                    }
                }
                else
                {
                    return false;
                }
            }

            if (seen == 0)
            {
                return false;
            }

            WeightKg = IndicatorUnits.ToKg(negative ? -digits : digits, decimals, _kgPerUnit);
            return true;
        }
    }
}
