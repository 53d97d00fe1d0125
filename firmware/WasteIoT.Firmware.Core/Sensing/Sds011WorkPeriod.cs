namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>
    /// The SDS011's duty cycle (Nova "Laser Dust Sensor Control Protocol" V1.3, command 0xB4, data byte 1 = 8: set
    /// working period). In a period of n minutes the sensor measures for 30 s and sleeps the rest, fan and laser off;
    /// the setting survives power loss. The laser diode is rated for about 8,000 hours of operation, under a year if
    /// it runs continuously.
    /// </summary>
    public static class Sds011WorkPeriod
    {
        public const int FrameLength = 19;

        /// <summary>Seconds the sensor measures in each working period (protocol V1.3).</summary>
        public const double MeasureSeconds = 30;

        /// <summary>Rated laser life, hours of operation.</summary>
        public const double RatedLaserHours = 8000;

        /// <summary>Writes the "set working period" command: <c>AA B4 08 01 n 00×10 FF FF CS AB</c>.</summary>
        /// <param name="minutes">1–30; 0 is continuous.</param>
        /// <returns>The frame's length.</returns>
        public static int Command(int minutes, byte[] frame)
        {
            if (minutes < 0 || minutes > 30)
            {
                throw new System.ArgumentOutOfRangeException("minutes");
            }

            for (int i = 0; i < FrameLength; i++)
            {
                frame[i] = 0;
            }

            frame[0] = 0xAA;
            frame[1] = 0xB4;
            frame[2] = 8;
            frame[3] = 1;
            frame[4] = (byte)minutes;

            // Device id FF FF: every sensor on the line.
            frame[15] = 0xFF;
            frame[16] = 0xFF;
            int sum = 0;
            for (int i = 2; i <= 16; i++)
            {
                sum += frame[i];
            }

            frame[17] = (byte)(sum & 0xFF);
            frame[18] = 0xAB;
            return FrameLength;
        }

        /// <summary>Share of the time the laser is on at a working period of <paramref name="minutes"/> (0: always).</summary>
        public static double LaserDuty(int minutes)
        {
            return minutes <= 0 ? 1.0 : MeasureSeconds / (minutes * 60.0);
        }

        /// <summary>Years until the laser reaches its rated hours.</summary>
        public static double LaserLifeYears(int minutes)
        {
            return RatedLaserHours / LaserDuty(minutes) / (365.25 * 24);
        }
    }
}
