using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.Devices;

internal sealed class SimPower(double batteryVolts, int rssi) : IPowerControl
{
    public bool WokeFromDeepSleep { get; set; }

    public double BatteryVolts { get; set; } = batteryVolts;

    public int Rssi { get; set; } = rssi;

    public void FeedWatchdog()
    {
    }

    public void DeepSleep(long milliseconds)
    {
    }
}
