using System;
using System.Device.Adc;
using System.Device.I2c;
using System.Diagnostics;
using System.Threading;
using Iot.Device.Sht3x;
using nanoFramework.Hardware.Esp32;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Drivers;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// Bin node: every start is a wake (or a power-on). Measure, maybe publish, deep-sleep. Pin map:
    /// hardware/bin-node/README.md.
    /// </summary>
    public class Program
    {
        public static void Main()
        {
            Esp32Power power = null;
            long sleepMs = 900000;
            try
            {
                Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
                AdcController adc = new AdcController();
                power = new Esp32Power(adc.OpenChannel(6), 2.0, 60000);

                NanoClock clock = new NanoClock();
                DeviceState state = new DeviceState(new FileFlashRegion("I:\\state.bin", 1024));
                state.TryLoad();
                state.BeginBoot(power.WokeFromDeepSleep, clock.UtcNowMs);
                RecordRing ring = new RecordRing(new FileFlashRegion("I:\\ring.bin", 256 * 256), 256);
                ring.Mount();

                M2MqttTransport transport = new M2MqttTransport(DeviceSettings.GatewayHost, DeviceSettings.GatewayPort, DeviceSettings.WifiSsid, DeviceSettings.WifiPassword);
                UplinkSession session = new UplinkSession(transport, ring, state, clock, new Random(), DeviceSettings.DeviceId, DeviceSettings.Secret, DeviceSettings.Firmware, 4);
                NodeContext context = new NodeContext(clock, power, state, session, DeviceSettings.Firmware);

                BinNodeHardware hardware = new BinNodeHardware();
                hardware.Range = new Hcsr04RangeSensor(triggerPin: 25, echoPin: 26);
                hardware.Climate = new Sht3xClimateSensor(I2cDevice.Create(new I2cConnectionSettings(1, (byte)I2cAddress.AddrLow)));
                hardware.Lid = new GpioDigitalInput(new System.Device.Gpio.GpioController(), 27, true);

                FillLevelCalibration calibration = new FillLevelCalibration();
                sleepMs = new BinNode(context, hardware, calibration).RunWake();
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
    }
}
