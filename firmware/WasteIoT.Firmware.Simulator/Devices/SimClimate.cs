using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Simulator.World;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>A late-November day in eastern China: 6 °C before dawn, 14 °C in the afternoon.</summary>
internal sealed class SimClimate(SimulationTime time) : IClimateSensor
{
    public bool TryRead(out double celsius, out double relativeHumidity)
    {
        var hour = time.TimeOfDay.ToTimeSpan().TotalHours;
        celsius = 10 + (4 * Math.Sin((hour - 9) / 24 * 2 * Math.PI));
        relativeHumidity = 70 - (15 * Math.Sin((hour - 9) / 24 * 2 * Math.PI));
        return true;
    }
}
