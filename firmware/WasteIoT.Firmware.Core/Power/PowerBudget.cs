namespace WasteIoT.Firmware.Core.Power
{
    /// <summary>
    /// Battery life of a duty-cycled node: the charge of each phase plus the sleep current in between,
    /// against the usable share of the cell's capacity less its self-discharge. Each figure's source, or that it
    /// is assumed, is given where it is set; hardware/bin-node/power-budget.md prints what this computes.
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

        /// <summary>ESP32 at 240 MHz (stock nanoFramework), radio off: datasheet "Modem-sleep, 240 MHz" 30–68 mA; mid-range.</summary>
        public const double CpuMilliAmps = 50;

        /// <summary>Wake to managed code (ROM and second-stage bootloader, nanoCLR start): not measured yet, assumed.</summary>
        public const double BootMs = 1000;

        /// <summary>JSN-SR04T v3 working current (module datasheet: "&lt; 8 mA") while the sensor rail is on.</summary>
        public const double UltrasonicMilliAmps = 8;

        /// <summary>ESP32 deep sleep with the RTC timer and RTC memory: 10 µA (ESP32 datasheet, power modes table).</summary>
        public const double DeepSleepMicroAmps = 10;

        /// <summary>
        /// What else draws in deep sleep: TPS62840 buck quiescent 60 nA (TI datasheet), the module's SPI flash in standby
        /// (assumed 1 µA), divider and sensor rail switched off.
        /// </summary>
        public const double SleepOtherMicroAmps = 1.06;

        /// <summary>SIM7080G in PSM (assumed 9 µA: the SIM7000 hardware design figure; the SIM7080 series is rated alike).</summary>
        public const double ModemPsmMicroAmps = 9;

        /// <summary>Publishes a day beyond the interval's: emptied, threshold crossings, status changes (assumed).</summary>
        public const double ExtraPublishesPerDay = 4;

        /// <summary>
        /// The Wi-Fi bin node (community bins within reach of a gateway): every wake boots nanoFramework at 240 MHz with
        /// Wi-Fi off (no SSID is stored, so the runtime does not connect by itself); the radio starts only to publish.
        /// </summary>
        /// <param name="staticAddress">Static IP and stored channel; false adds DHCP and SNTP (about 2 s more).</param>
        public static PowerBudget BinNode(int measureIntervalS, int publishIntervalS, bool staticAddress)
        {
            double measuresPerDay = 86400.0 / measureIntervalS;
            double publishesPerDay = (86400.0 / publishIntervalS) + ExtraPublishesPerDay;
            if (publishesPerDay > measuresPerDay)
            {
                publishesPerDay = measuresPerDay;
            }

            PowerPhase[] phases = new PowerPhase[]
            {
                new PowerPhase("wake to managed code, 240 MHz, radio off", BootMs, CpuMilliAmps, measuresPerDay),
                new PowerPhase("measure: 7 pings 60 ms apart, SHT31, battery", 450, CpuMilliAmps + UltrasonicMilliAmps, measuresPerDay),

                // ESP32 datasheet RF figures: TX 802.11b 240 mA, RX 95–100 mA; 130 mA mean over association and MQTT (assumed).
                new PowerPhase(staticAddress ? "Wi-Fi (static address), MQTT publish, PUBACK" : "Wi-Fi (DHCP, SNTP), MQTT publish, PUBACK", staticAddress ? 2500 : 4500, 130, publishesPerDay),
            };

            return new PowerBudget(phases, DeepSleepMicroAmps + SleepOtherMicroAmps, 19000, 0.85, 0.01);
        }

        /// <summary>
        /// The cellular bin node (street bins, no gateway nearby): a SIM7080G LTE-M/NB-IoT modem kept in PSM, so a
        /// publish resumes the registration instead of attaching afresh.
        /// </summary>
        public static PowerBudget BinNodeCellular(int measureIntervalS, int publishIntervalS)
        {
            double measuresPerDay = 86400.0 / measureIntervalS;
            double publishesPerDay = (86400.0 / publishIntervalS) + ExtraPublishesPerDay;
            PowerPhase[] phases = new PowerPhase[]
            {
                new PowerPhase("wake to managed code, 240 MHz, radio off", BootMs, CpuMilliAmps, measuresPerDay),
                new PowerPhase("measure: 7 pings 60 ms apart, SHT31, battery", 450, CpuMilliAmps + UltrasonicMilliAmps, measuresPerDay),

                // PSM exit, RRC connection, MQTT connect/publish/PUBACK/disconnect: 8 s assumed; the modem at 80 mA mean
                // (SIM7000 design figures: 167 mA transmitting at 23 dBm, 11 mA idle) plus the ESP32 waiting at 50 mA.
                new PowerPhase("LTE-M from PSM, MQTT publish, PUBACK", 8000, 80 + CpuMilliAmps, publishesPerDay),

                // Periodic tracking-area update the network asks of a PSM device (T3412 of a day assumed): 3 s at 80 mA.
                new PowerPhase("periodic tracking-area update", 3000, 80, 1),
            };

            return new PowerBudget(phases, DeepSleepMicroAmps + SleepOtherMicroAmps + ModemPsmMicroAmps, 19000, 0.85, 0.01);
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
