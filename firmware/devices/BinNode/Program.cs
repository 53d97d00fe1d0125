using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Device.I2c;
using System.Diagnostics;
using System.IO.Ports;
using IoT.Device.AtModem;
using IoT.Device.AtModem.Modem;
using Iot.Device.Sht3x;
using nanoFramework.Hardware.Esp32;
using nanoFramework.M2Mqtt;
using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Drivers;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// Bin node: every start is a wake (or a power-on). Measure, maybe publish, deep-sleep. Pins: BinNodePins
    /// (hardware/bin-node/README.md). The uplink is Wi-Fi to the gateway or LTE-M to the cloud, by DeviceSettings.
    /// </summary>
    public class Program
    {
        public static void Main()
        {
            Esp32Power power = null;
            long sleepMs = 900000;
            try
            {
                PinMux.I2c1(BinNodePins.I2cData, BinNodePins.I2cClock);
                AdcController adc = new AdcController();
                // GPIO34 (BinNodePins.BatteryAdc) is ADC1 channel 6.
                power = new Esp32Power(adc.OpenChannel(6), 2.0, 60000);

                GpioController gpio = new GpioController();
                BinNodeHardware hardware = new BinNodeHardware();
                hardware.SensorRail = new GpioSwitch(gpio, BinNodePins.SensorRail, true);
                hardware.BatteryDivider = new GpioSwitch(gpio, BinNodePins.DividerEnable, false);
                hardware.Range = new Hcsr04RangeSensor(BinNodePins.UltrasonicTrigger, BinNodePins.UltrasonicEcho);
                hardware.Climate = new Sht3xClimateSensor(I2cDevice.Create(new I2cConnectionSettings(1, (byte)I2cAddress.AddrLow)));

                // Normally-open reed closed by the rim magnet: low while the lid is shut, high (pull-up) when it opens.
                hardware.Lid = new GpioDigitalInput(gpio, BinNodePins.LidReed, false);

                // SW-520D conducts upright: low; open (high) when the bin lies on its side.
                hardware.Tilt = new GpioDigitalInput(gpio, BinNodePins.Tilt, false);

                NodeContext context = DeviceBoot.Start(power, LogLayout.BinNode(), GatewayLink(), DeviceSettings.Cellular ? 1 : 4);
                sleepMs = new BinNode(context, hardware, new FillLevelCalibration()).RunWake();
            }
            catch (Exception ex)
            {
                // One catch-all: whatever failed, sleep and try again at the next interval; flash keeps the data.
                Debug.WriteLine("wake failed: " + ex.Message);
            }

            if (power != null)
            {
                power.DeepSleep(sleepMs);
            }
            else
            {
                Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(sleepMs * TimeSpan.TicksPerMillisecond));
                Sleep.StartDeepSleep();
            }
        }

        private static IMqttTransport GatewayLink()
        {
            if (!DeviceSettings.Cellular)
            {
                return DeviceBoot.WifiTransport();
            }

            PinMux.Uart2(BinNodePins.ModemRx, BinNodePins.ModemTx);
            SerialPort serial = new SerialPort("COM2", 115200);
            serial.Open();
            Sim7080 modem = new Sim7080(AtChannel.Create(serial));
            IMqttClient client = modem.MqttClient;
            client.Init(DeviceSettings.CloudHost, DeviceSettings.CloudPort, false, (byte[])null, (byte[])null, MqttSslProtocols.None);
            return new MqttClientTransport(client, null, false);
        }
    }
}
