using System;
using System.Device.Adc;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// Deep sleep, battery voltage and a software watchdog on the ESP32: if the main loop stops feeding it for
    /// <c>timeoutMs</c> the device reboots, and the boot counter makes the reboot visible in the data.
    /// </summary>
    public class Esp32Power : IPowerControl
    {
        private readonly AdcChannel _battery;
        private readonly double _dividerRatio;
        private readonly Timer _watchdog;
        private readonly int _timeoutMs;
        private int _rssi = int.MinValue;

        public Esp32Power(AdcChannel battery, double dividerRatio, int timeoutMs)
        {
            _battery = battery;
            _dividerRatio = dividerRatio;
            _timeoutMs = timeoutMs;
            _watchdog = new Timer(Expired, null, timeoutMs, Timeout.Infinite);
            WokeFromDeepSleep = Sleep.GetWakeupCause() == Sleep.WakeupCause.Timer;
        }

        public bool WokeFromDeepSleep { get; private set; }

        public double BatteryVolts
        {
            get { return _battery == null ? double.NaN : _battery.ReadRatio() * 3.3 * _dividerRatio; }
        }

        public int Rssi
        {
            get { return _rssi; }
        }

        public void SetRssi(int dbm)
        {
            _rssi = dbm;
        }

        public void FeedWatchdog()
        {
            _watchdog.Change(_timeoutMs, Timeout.Infinite);
        }

        public void DeepSleep(long milliseconds)
        {
            Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond));
            Sleep.StartDeepSleep();
        }

        private static void Expired(object state)
        {
            Power.RebootDevice();
        }
    }
}
