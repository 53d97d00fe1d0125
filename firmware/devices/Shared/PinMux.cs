using nanoFramework.Hardware.Esp32;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>Routes the ESP32's I2C, UART and SPI functions to the pins of a node's pin table (BinNodePins etc.).</summary>
    public static class PinMux
    {
        public static void I2c1(int data, int clock)
        {
            Configuration.SetPinFunction(data, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(clock, DeviceFunction.I2C1_CLOCK);
        }

        public static void Uart2(int rx, int tx)
        {
            Configuration.SetPinFunction(rx, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(tx, DeviceFunction.COM2_TX);
        }

        /// <summary>COM3's receive line alone: a weighbridge indicator only talks (COM1 is the debugger's, COM2 the dust sensor's).</summary>
        public static void Uart3Rx(int rx)
        {
            Configuration.SetPinFunction(rx, DeviceFunction.COM3_RX);
        }

        public static void Spi1(int clock, int miso, int mosi)
        {
            Configuration.SetPinFunction(mosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(miso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(clock, DeviceFunction.SPI1_CLOCK);
        }
    }
}
