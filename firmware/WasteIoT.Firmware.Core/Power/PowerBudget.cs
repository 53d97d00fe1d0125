namespace WasteIoT.Firmware.Core.Power
{
    /// <summary>
    /// Battery life of a duty-cycled node: the charge of each phase plus the sleep current in between,
    /// against the usable share of the cell's capacity less its self-discharge. The default figures and
    /// their sources are in hardware/bin-node/power-budget.md.
    /// </summary>
    public class PowerBudget
    {
        private readonly PowerPhase[] _phases;

        public PowerBudget(PowerPhase[] phases, double sleepMicroAmps, double capacityMilliAmpHours, double usableFraction, double selfDischargePerYear)
        {
            _phases = phases;
            SleepMicroAmps = sleepMicroAmps;
            CapacityMilliAmpHours = capacityMilliAmpHours;
            UsableFraction = usableFraction;
            SelfDischargePerYear = selfDischargePerYear;
        }

        public double SleepMicroAmps { get; private set; }

        public double CapacityMilliAmpHours { get; private set; }

        public double UsableFraction { get; private set; }

        /// <summary>Share of the nominal capacity lost per year on the shelf (Li-SOCl2: about 1 %).</summary>
        public double SelfDischargePerYear { get; private set; }

        public PowerPhase[] Phases
        {
            get { return _phases; }
        }

        /// <summary>The bin node at a 15-minute measure and a 1-hour publish interval on one 19 Ah Li-SOCl2 D cell.</summary>
        public static PowerBudget BinNode(int measureIntervalS, int publishIntervalS)
        {
            double measuresPerDay = 86400.0 / measureIntervalS;
            double publishesPerDay = 86400.0 / publishIntervalS;
            PowerPhase[] phases = new PowerPhase[]
            {
                // Wake from deep sleep into nanoFramework at 80 MHz, radio off.
                new PowerPhase("wake and start", 800, 30, measuresPerDay),

                // Seven pings 60 ms apart, sensor powered through a MOSFET, plus the SHT31 reading.
                new PowerPhase("measure", 450, 38, measuresPerDay),

                // Wi-Fi with stored channel/BSSID and a static address, MQTT CONNECT, publish, PUBACK, DISCONNECT.
                new PowerPhase("radio and publish", 1800, 120, publishesPerDay),
            };

            // ESP32 deep sleep with the RTC timer (~10 µA) + low-Iq regulator and switched divider (~2 µA).
            return new PowerBudget(phases, 12, 19000, 0.85, 0.01);
        }

        /// <summary>Average charge drawn per day, mAh.</summary>
        public double MilliAmpHoursPerDay
        {
            get
            {
                double awakeMs = 0;
                double charge = 0;
                for (int i = 0; i < _phases.Length; i++)
                {
                    charge += _phases[i].MilliAmpHoursPerDay;
                    awakeMs += _phases[i].AwakeMs * _phases[i].PerDay;
                }

                double sleepHours = (86400000.0 - awakeMs) / 3600000.0;
                return charge + (SleepMicroAmps / 1000.0 * sleepHours);
            }
        }

        /// <summary>Mean current, µA.</summary>
        public double AverageMicroAmps
        {
            get { return MilliAmpHoursPerDay / 24.0 * 1000.0; }
        }

        public double LifeYears
        {
            get
            {
                double perYear = (MilliAmpHoursPerDay * 365.25) + (SelfDischargePerYear * CapacityMilliAmpHours);
                return CapacityMilliAmpHours * UsableFraction / perYear;
            }
        }
    }
}
