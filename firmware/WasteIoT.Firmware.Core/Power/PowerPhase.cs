namespace WasteIoT.Firmware.Core.Power
{
    /// <summary>One thing the node does repeatedly: how long it is awake for it and at what mean current.</summary>
    public class PowerPhase
    {
        public PowerPhase(string name, double awakeMs, double milliAmps, double perDay)
        {
            Name = name;
            AwakeMs = awakeMs;
            MilliAmps = milliAmps;
            PerDay = perDay;
        }

        public string Name { get; private set; }

        public double AwakeMs { get; private set; }

        public double MilliAmps { get; private set; }

        /// <summary>How many times a day.</summary>
        public double PerDay { get; private set; }

        /// <summary>Charge per day, mAh.</summary>
        public double MilliAmpHoursPerDay
        {
            get { return AwakeMs / 3600000.0 * MilliAmps * PerDay; }
        }
    }
}
