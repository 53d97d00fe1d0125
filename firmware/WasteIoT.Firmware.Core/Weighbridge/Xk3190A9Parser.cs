namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>
    /// The continuous output of XK3190-A9-family indicators (tf=0, 9600 8N1): 12-byte frames
    /// <c>STX sign d5 d4 d3 d2 d1 d0 dp xh xl ETX</c> — sign '+' or '-', six ASCII digits, the number of decimal places,
    /// and the XOR of the eight bytes from the sign to dp as two ASCII hex digits. A frame that fails its check is
    /// counted and the search resumes at the next STX.
    /// </summary>
    public class Xk3190A9Parser : IWeightFrames
    {
        private const byte Stx = 0x02;
        private const byte Etx = 0x03;
        private readonly byte[] _frame = new byte[12];
        private readonly int _kgPerUnit;
        private int _length;

        /// <param name="kgPerUnit">1 when the indicator shows kg, 1000 when it shows t.</param>
        public Xk3190A9Parser(int kgPerUnit)
        {
            _kgPerUnit = kgPerUnit;
        }

        /// <summary>The last frame's weight, kg (rounded to the kilogram).</summary>
        public int WeightKg { get; private set; }

        public int Frames;

        public int ChecksumErrors;

        public int SkippedBytes;

        /// <returns>True when a valid frame completed; its weight is in <see cref="WeightKg"/>.</returns>
        public bool Feed(byte value)
        {
            if (value == Stx)
            {
                if (_length > 0)
                {
                    SkippedBytes += _length;
                }

                _frame[0] = value;
                _length = 1;
                return false;
            }

            if (_length == 0)
            {
                SkippedBytes++;
                return false;
            }

            _frame[_length++] = value;
            if (_length < _frame.Length)
            {
                return false;
            }

            _length = 0;
            if (!Accept())
            {
                ChecksumErrors++;
                return false;
            }

            Frames++;
            return true;
        }

        private bool Accept()
        {
            if (_frame[11] != Etx || (_frame[1] != '+' && _frame[1] != '-') || _frame[8] < '0' || _frame[8] > '5')
            {
                return false;
            }

            int check = 0;
            for (int i = 1; i <= 8; i++)
            {
                check ^= _frame[i];
            }

            if (_frame[9] != Hex(check >> 4) || _frame[10] != Hex(check & 0xF))
            {
                return false;
            }

            long digits = 0;
            for (int i = 2; i <= 7; i++)
            {
                if (_frame[i] < '0' || _frame[i] > '9')
                {
                    return false;
                }

                digits = (digits * 10) + (_frame[i] - '0');
            }

            WeightKg = IndicatorUnits.ToKg(_frame[1] == '-' ? -digits : digits, _frame[8] - '0', _kgPerUnit);
            return true;
        }

        private static byte Hex(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }
    }
}
