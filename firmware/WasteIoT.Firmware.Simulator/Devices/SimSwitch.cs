using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.Devices;

internal sealed class SimSwitch(Func<bool> state) : IDigitalInput
{
    public bool IsHigh => state();
}
