using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>The parts of a truck node.</summary>
    public class TruckNodeHardware
    {
        /// <summary>UART of the GNSS receiver (NMEA 0183).</summary>
        public IByteStream Gnss;

        /// <summary>The reader at the lifter that reads household tags.</summary>
        public ITagReader TagReader;

        /// <summary>Reed switch on the cargo cover: high when open.</summary>
        public IDigitalInput Cover;

        public IIndicator Indicator;

        /// <summary>Work equipment on the vehicle (a sweeper's brushes, a sprinkler's pump, a fog cannon, a tipper), or null on a collection truck.</summary>
        public EquipmentInput[] Equipment;
    }
}
