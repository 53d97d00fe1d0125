namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>
    /// How much of the ESP32's littlefs <c>config</c> partition a node's store-and-forward log takes, per module
    /// (nf-interpreter targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv and _8mb.csv). The log gets at most three
    /// quarters of the partition: littlefs needs free blocks for its copy-on-write and its metadata pairs, and the
    /// device state and cursor files live beside it.
    /// </summary>
    public class LogLayout
    {
        /// <summary>ESP32 4 MB module: config partition 0x40000 at 0x3C0000.</summary>
        public const int Config4MbBytes = 0x40000;

        /// <summary>ESP32 8 MB module: config partition 0x200000 at 0x490000.</summary>
        public const int Config8MbBytes = 0x200000;

        public LogLayout(string module, int partitionBytes, int segmentBytes, int maxSegments)
        {
            Module = module;
            PartitionBytes = partitionBytes;
            SegmentBytes = segmentBytes;
            MaxSegments = maxSegments;
        }

        /// <summary>The module the node's BOM names.</summary>
        public string Module { get; private set; }

        public int PartitionBytes { get; private set; }

        public int SegmentBytes { get; private set; }

        public int MaxSegments { get; private set; }

        public int CapacityBytes
        {
            get { return SegmentBytes * MaxSegments; }
        }

        /// <summary>Bin node: ~25 records a day; 128 KiB is weeks of them when the gateway is away.</summary>
        public static LogLayout BinNode()
        {
            return new LogLayout("ESP32-WROOM-32E-N4 (4 MB)", Config4MbBytes, 4096, 32);
        }

        /// <summary>Site node: ~350 records a day; 160 KiB holds days of them.</summary>
        public static LogLayout SiteNode()
        {
            return new LogLayout("ESP32-WROOM-32E-N4 (4 MB)", Config4MbBytes, 8192, 20);
        }

        /// <summary>Truck node: a position a second while moving; 1.5 MiB holds hours of driving in a dead zone.</summary>
        public static LogLayout TruckNode()
        {
            return new LogLayout("ESP32-WROOM-32E-N8 (8 MB)", Config8MbBytes, 16384, 96);
        }

        public SegmentLog Create(Hardware.ISegmentStore segments, Hardware.ISegmentStore cursor)
        {
            return new SegmentLog(segments, cursor, SegmentBytes, MaxSegments);
        }
    }
}
