namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>
    /// The bin node's ESP32 GPIO map: the device app wires these and hardware/bin-node/README.md's pin table names
    /// them (a test compares the two).
    /// </summary>
    public static class BinNodePins
    {
        /// <summary>JSN-SR04T TRIG: a 10 µs pulse starts a ping.</summary>
        public const int UltrasonicTrigger = 25;

        /// <summary>JSN-SR04T ECHO through a 1 k/2 k divider (the v3 board drives 5 V).</summary>
        public const int UltrasonicEcho = 26;

        public const int I2cData = 21;

        public const int I2cClock = 22;

        /// <summary>Reed switch to GND, internal pull-up. Normally open, closed by the magnet on the rim: low = lid shut.</summary>
        public const int LidReed = 27;

        /// <summary>SW-520D ball switch to GND, internal pull-up: closed (low) upright, open (high) when the bin is knocked over.</summary>
        public const int Tilt = 14;

        /// <summary>AO3401 P-MOSFET gate: low switches the sensor rail (JSN-SR04T, SHT31) on.</summary>
        public const int SensorRail = 33;

        /// <summary>BSS138 gate: high connects the battery divider to ground so it can be read, and only then draws.</summary>
        public const int DividerEnable = 32;

        /// <summary>ADC1 channel 6: the battery divider's midpoint (ratio 2.0).</summary>
        public const int BatteryAdc = 34;

        /// <summary>UART1 to the SIM7080G (cellular variant): ESP32 TX.</summary>
        public const int ModemTx = 17;

        /// <summary>UART1 to the SIM7080G: ESP32 RX.</summary>
        public const int ModemRx = 16;

        /// <summary>SIM7080G PWRKEY through an NPN: a 1 s high pulse toggles the modem's power.</summary>
        public const int ModemPowerKey = 4;
    }
}
