namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>
    /// Nova SDS011 data frames (datasheet V1.3): <c>AA C0 PM25lo PM25hi PM10lo PM10hi ID ID CS AB</c>,
    /// checksum = low byte of the sum of the six data bytes, values in 0.1 µg/m³.
    /// </summary>
    public class Sds011Parser : SerialFrameParser
    {
        public Sds011Parser()
            : base(0xAA, 0xC0, 10)
        {
        }

        public double Pm25 = double.NaN;

        public double Pm10 = double.NaN;

        protected override bool Accept(byte[] frame)
        {
            int sum = 0;
            for (int i = 2; i < 8; i++)
            {
                sum += frame[i];
            }

            if (frame[9] != 0xAB || (sum & 0xFF) != frame[8])
            {
                return false;
            }

            Pm25 = ((frame[3] << 8) | frame[2]) / 10.0;
            Pm10 = ((frame[5] << 8) | frame[4]) / 10.0;
            return true;
        }
    }
}
