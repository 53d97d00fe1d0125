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

        /// <summary>
        /// Smallest concentration step the cell resolves, ppm (its datasheet). A limit below it cannot be judged from
        /// this cell: the reading says so rather than declaring an exceedance (or compliance) it cannot see.
        /// </summary>
        public double ResolutionPpm;

        /// <summary>Time after power-up before readings are trusted, ms (electrochemical cells: minutes).</summary>
        public long WarmUpMs = 180000;

        public GasCellCalibration(double zeroVolts, double voltsPerPpm, double molarMass)
        {
            ZeroVolts = zeroVolts;
            VoltsPerPpm = voltsPerPpm;
            MolarMass = molarMass;
        }

        /// <summary>
        /// Winsen ZE03-NH3 with analog output: 0.4 V at zero gas to 2.0 V at full scale, range 0–100 ppm (the values
        /// hardware/site-node/README.md gives for the ZE03's analog output); resolution 0.1 ppm assumed until checked
        /// against the cell's certificate.
        /// </summary>
        public static GasCellCalibration Ze03Nh3()
        {
            GasCellCalibration cell = new GasCellCalibration(0.4, (2.0 - 0.4) / 100.0, MolarMassNh3);
            cell.ResolutionPpm = 0.1;
            return cell;
        }

        /// <summary>
        /// Winsen ZE03-H2S with analog output: 0.4 V at zero gas to 2.0 V at full scale, range 0–100 ppm, resolution
        /// 0.01 ppm (hardware/site-node/README.md's BOM row).
        /// </summary>
        public static GasCellCalibration Ze03H2s()
        {
            GasCellCalibration cell = new GasCellCalibration(0.4, (2.0 - 0.4) / 100.0, MolarMassH2s);
            cell.ResolutionPpm = 0.01;
            return cell;
        }

        /// <summary>The cell's resolution in mg/m³ (0 when unknown).</summary>
        public double ResolutionMilligramsPerCubicMetre
        {
            get { return ResolutionPpm * MolarMass / MolarVolume; }
        }

        /// <summary>Whether a limit in mg/m³ is at least one resolution step: only then can this cell judge it.</summary>
        public bool CanResolve(double limitMilligramsPerCubicMetre)
        {
            return limitMilligramsPerCubicMetre >= ResolutionMilligramsPerCubicMetre;
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
