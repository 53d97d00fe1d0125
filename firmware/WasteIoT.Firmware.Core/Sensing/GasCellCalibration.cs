namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>
    /// One electrochemical gas cell behind its amplifier: output volts = zero + sensitivity × ppm.
    /// Values come from the cell's calibration certificate or a zero/span check on site.
    /// </summary>
    public class GasCellCalibration
    {
        /// <summary>Molar volume of an ideal gas at 25 °C and 101.325 kPa, L/mol: mg/m³ = ppm × M / 24.45.</summary>
        public const double MolarVolume = 24.45;

        public const double MolarMassNh3 = 17.031;

        public const double MolarMassH2s = 34.08;

        public double ZeroVolts;

        public double VoltsPerPpm;

        public double MolarMass;

        /// <summary>Time after power-up before readings are trusted, ms (electrochemical cells: minutes).</summary>
        public long WarmUpMs = 180000;

        public GasCellCalibration(double zeroVolts, double voltsPerPpm, double molarMass)
        {
            ZeroVolts = zeroVolts;
            VoltsPerPpm = voltsPerPpm;
            MolarMass = molarMass;
        }

        /// <summary>Converts a reading; a value below the zero (noise, drift) is 0, never negative.</summary>
        public double ToMilligramsPerCubicMetre(double volts)
        {
            if (VoltsPerPpm <= 0 || double.IsNaN(volts))
            {
                return double.NaN;
            }

            double ppm = (volts - ZeroVolts) / VoltsPerPpm;
            return ppm <= 0 ? 0 : ppm * MolarMass / MolarVolume;
        }
    }
}
