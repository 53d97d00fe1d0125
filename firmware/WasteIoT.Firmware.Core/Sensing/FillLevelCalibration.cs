namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>Geometry of one bin as measured at installation.</summary>
    public class FillLevelCalibration
    {
        /// <summary>Sensor face to the bin's floor, mm (the distance that means empty).</summary>
        public int BinDepthMm = 1000;

        /// <summary>
        /// Closest distance the sensor can measure (JSN-SR04T: about 200 mm; VL53L0X: 30 mm). Waste closer
        /// than this is reported as a full bin.
        /// </summary>
        public int DeadZoneMm = 200;

        /// <summary>Farther than the floor by more than this, a reading looks past the bin (lid open, bin tipped).</summary>
        public int BeyondFloorToleranceMm = 100;

        /// <summary>The reported level moves only when it changed by at least this much (0..1).</summary>
        public double Hysteresis = 0.03;

        /// <summary>A fall of at least this much from a level of at least <see cref="EmptyingMinLevel"/> is an emptying.</summary>
        public double EmptyingDrop = 0.25;

        public double EmptyingMinLevel = 0.3;

        /// <summary>Least spread accepted around the median, mm: the sensor's resolution on a rough surface.</summary>
        public int MinToleranceMm = 15;

        /// <summary>Most spread accepted around the median, mm: beyond it the pings disagree (a moving lid, a hand).</summary>
        public int MaxToleranceMm = 60;

        /// <summary>Share of samples that must agree for a measurement to count (0..1).</summary>
        public double MinAgreement = 0.6;
    }
}
