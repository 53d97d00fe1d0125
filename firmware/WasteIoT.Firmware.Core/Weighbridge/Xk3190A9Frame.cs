namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>Writes one XK3190-A9 continuous-output frame, as the indicator sends it (for simulators and bench tests).</summary>
    public static class Xk3190A9Frame
    {
        public const int Length = 12;

        /// <summary>STX, sign, six digits of |<paramref name="digits"/>|, the decimal places, the XOR of those eight bytes as two hex digits, ETX.</summary>
        public static byte[] Encode(int digits, int decimals)
        {
            byte[] frame = new byte[Length];
            frame[0] = 0x02;
            frame[1] = (byte)(digits < 0 ? '-' : '+');
            int value = digits < 0 ? -digits : digits;
            for (int i = 7; i >= 2; i--)
            {
                frame[i] = (byte)('0' + (value % 10));
                value /= 10;
            }

            frame[8] = (byte)('0' + decimals);
            int check = 0;
            for (int i = 1; i <= 8; i++)
            {
                check ^= frame[i];
            }

            frame[9] = Hex(check >> 4);
            frame[10] = Hex(check & 0xF);
            frame[11] = 0x03;
            return frame;
        }

        private static byte Hex(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }
    }
}
