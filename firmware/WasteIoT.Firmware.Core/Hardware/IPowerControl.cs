namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>Deep sleep and the watchdog.</summary>
    public interface IPowerControl
    {
        /// <summary>True when this start is a wake from deep sleep rather than a power-on or a reset.</summary>
        bool WokeFromDeepSleep { get; }

        /// <summary>Battery voltage, V; NaN on mains-powered nodes.</summary>
        double BatteryVolts { get; }

        /// <summary>Signal strength of the uplink radio, dBm; <c>int.MinValue</c> when unknown.</summary>
        int Rssi { get; }

        /// <summary>Resets the watchdog; a main loop that stops calling this is rebooted.</summary>
        void FeedWatchdog();

        /// <summary>Enters deep sleep; on the device this does not return (the wake is a new start).</summary>
        void DeepSleep(long milliseconds);
    }
}
