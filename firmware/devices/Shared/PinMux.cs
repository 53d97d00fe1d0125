using nanoFramework.Hardware.Esp32;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>The ESP32 pin functions the nodes use (hardware/*/README.md, "Pin map").</summary>
    public static class PinMux
    {
        /// <summary>I2C1 on GPIO21 (SDA) / GPIO22 (SCL): SHT31, ADS1115.</summary>
        public static void I2c1()
        {
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
        }

        /// <summary>COM2 on GPIO16 (RX) / GPIO17 (TX): GNSS receiver or dust sensor.</summary>
        public static void Uart2()
        {
            Configuration.SetPinFunction(16, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(17, DeviceFunction.COM2_TX);
        }

        /// <summary>SPI1 on GPIO23 (MOSI) / GPIO19 (MISO) / GPIO18 (SCK): MFRC522.</summary>
        public static void Spi1()
        {
            Configuration.SetPinFunction(23, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(19, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(18, DeviceFunction.SPI1_CLOCK);
        }
    }
}
