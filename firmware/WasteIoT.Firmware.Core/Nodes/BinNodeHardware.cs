using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>The sensors of a bin node; a missing optional part is null.</summary>
    public class BinNodeHardware
    {
        public IRangeSensor Range;

        /// <summary>Optional: temperature for speed-of-sound compensation.</summary>
        public IClimateSensor Climate;

        /// <summary>Optional: high when the lid is open.</summary>
        public IDigitalInput Lid;

        /// <summary>Optional: high when the bin is tipped over.</summary>
        public IDigitalInput Tilt;

        /// <summary>Optional: powers the range sensor and the SHT31 only while measuring.</summary>
        public ISwitch SensorRail;

        /// <summary>Optional: connects the battery divider only while the battery is read.</summary>
        public ISwitch BatteryDivider;
    }
}
