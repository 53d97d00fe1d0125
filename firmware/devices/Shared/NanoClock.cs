using System;
using System.Diagnostics;
using System.Threading;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>The ESP32's RTC (set by SNTP after Wi-Fi connects, kept through deep sleep) and a monotonic uptime.</summary>
    public class NanoClock : IClock
    {
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly Stopwatch _uptime = Stopwatch.StartNew();

        public long UtcNowMs
        {
            get { return (DateTime.UtcNow - UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond; }
        }

        public long UptimeMs
        {
            get { return _uptime.ElapsedMilliseconds; }
        }

        public void Delay(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
