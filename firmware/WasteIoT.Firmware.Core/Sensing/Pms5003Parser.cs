namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>
    /// Plantower PMS5003 frames (datasheet V2.3): <c>42 4D</c>, frame length 28 (big-endian), thirteen
    /// big-endian data words, then the 16-bit sum of all preceding bytes. Words 4–6 are PM1.0/PM2.5/PM10
    /// under atmospheric conditions, µg/m³ — the ones to report outdoors and in buildings.
    /// </summary>
    public class Pms5003Parser : SerialFrameParser
    {
        public Pms5003Parser()
            : base(0x42, 0x4D, 32)
        {
        }

        public double Pm1 = double.NaN;

        public double Pm25 = double.NaN;

        public double Pm10 = double.NaN;

        protected override bool Accept(byte[] frame)
        {
            if (Word(frame, 2) != 28)
            {
                return false;
            }

            int sum = 0;
            for (int i = 0; i < 30; i++)
            {
                sum += frame[i];
            }

            if ((sum & 0xFFFF) != Word(frame, 30))
            {
                return false;
            }

            Pm1 = Word(frame, 10);
            Pm25 = Word(frame, 12);
            Pm10 = Word(frame, 14);
            return true;
        }

        private static int Word(byte[] frame, int offset)
        {
            return (frame[offset] << 8) | frame[offset + 1];
        }
    }
}
