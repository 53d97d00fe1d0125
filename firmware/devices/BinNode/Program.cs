using System;
using System.Device.Adc;
using System.Device.I2c;
using System.Diagnostics;
using System.Threading;
using Iot.Device.Sht3x;
using nanoFramework.Hardware.Esp32;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
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
                PinMux.I2c1();
                AdcController adc = new AdcController();
                power = new Esp32Power(adc.OpenChannel(6), 2.0, 60000);

                NodeContext context = DeviceBoot.Start(power, 256, 4);

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
