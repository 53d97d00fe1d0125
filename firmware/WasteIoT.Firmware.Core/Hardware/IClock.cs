namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>Time as the device knows it.</summary>
    public interface IClock
    {
        /// <summary>Wall clock, Unix milliseconds UTC (SNTP- or GNSS-set); before 2024 it was never set.</summary>
        long UtcNowMs { get; }

        /// <summary>Monotonic milliseconds since this boot; never goes back when the wall clock is corrected.</summary>
        long UptimeMs { get; }

        /// <summary>Blocks the calling thread (sensor timing, e.g. the 60 ms an ultrasonic echo needs to die out).</summary>
        void Delay(int milliseconds);
    }
}
