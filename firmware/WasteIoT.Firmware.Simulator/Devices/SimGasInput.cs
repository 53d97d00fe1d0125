using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Sensing;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>A gas cell's amplifier output for the model's concentration (the calibration run backwards), with ADC noise.</summary>
internal sealed class SimGasInput(Func<double> milligramsPerCubicMetre, GasCellCalibration cell, Random random) : IAnalogInput
{
    public bool TryReadVolts(out double volts)
    {
        var ppm = milligramsPerCubicMetre() * GasCellCalibration.MolarVolume / cell.MolarMass;
        volts = cell.ZeroVolts + (ppm * cell.VoltsPerPpm) + ((random.NextDouble() - 0.5) * 0.0004);
        return true;
    }
}
