namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>The site node's ESP32 GPIO map, named in hardware/site-node/README.md's pin table (a test compares the two).</summary>
    public static class SiteNodePins
    {
        /// <summary>I2C1: ADS1115 (0x48) and SHT31 (0x44).</summary>
        public const int I2cData = 21;

        public const int I2cClock = 22;

        /// <summary>COM2 from the SDS011's TX (9600 8N1).</summary>
        public const int DustRx = 16;

        /// <summary>COM2 to the SDS011's RX: the work-period command goes this way.</summary>
        public const int DustTx = 17;

        /// <summary>SPI1 to the MFRC522 badge reader.</summary>
        public const int SpiClock = 18;

        public const int SpiMiso = 19;

        public const int SpiMosi = 23;

        public const int SpiChipSelect = 5;

        public const int ReaderReset = 4;

        /// <summary>Push button to GND, internal pull-up: low while pressed.</summary>
        public const int DisinfectButton = 32;

        public const int GreenLed = 25;

        public const int RedLed = 26;

        /// <summary>Active buzzer through an NPN.</summary>
        public const int Buzzer = 27;

        /// <summary>COM3 RX from a weighbridge indicator's RS-232 TXD through a MAX3232 (scale-house nodes; input-only pin).</summary>
        public const int ScaleRx = 35;

        /// <summary>A treatment unit's flow meter pulse output (open collector or reed) with a 10 kΩ pull-up to 3.3 V: GPIO34 has none of its own.</summary>
        public const int FlowMeter = 34;
    }
}
