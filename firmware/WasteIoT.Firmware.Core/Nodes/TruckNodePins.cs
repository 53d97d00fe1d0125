namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>The truck node's ESP32 GPIO map, named in hardware/truck-node/README.md's pin table (a test compares the two).</summary>
    public static class TruckNodePins
    {
        /// <summary>COM2 from the GNSS receiver's TX (NMEA, 9600 8N1).</summary>
        public const int GnssRx = 16;

        public const int GnssTx = 17;

        /// <summary>SPI1 to the MFRC522 at the lifter.</summary>
        public const int SpiClock = 18;

        public const int SpiMiso = 19;

        public const int SpiMosi = 23;

        public const int SpiChipSelect = 5;

        public const int ReaderReset = 4;

        /// <summary>
        /// Cover reed switch to GND with an external 10 k pull-up (GPIO34 is input-only and has no internal pull):
        /// closed by the magnet while the tarp is down (low); high when it lifts.
        /// </summary>
        public const int CoverReed = 34;

        /// <summary>
        /// Work equipment on a sweeper, sprinkler, fog-cannon or muck truck (brushes, pump, cannon, tipper), each from
        /// the vehicle's 12/24 V equipment circuit through a PC817 optocoupler whose transistor pulls the input low
        /// while the equipment runs (input-only pins, external 10 k pull-ups): active low. Unused on a collection truck.
        /// </summary>
        public const int WorkInputA = 35;

        public const int WorkInputB = 36;

        public const int GreenLed = 25;

        public const int RedLed = 26;

        public const int Buzzer = 27;
    }
}
