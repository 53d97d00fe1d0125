namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>An ADC channel (ADS1115) carrying a gas cell's conditioned output.</summary>
    public interface IAnalogInput
    {
        bool TryReadVolts(out double volts);
    }
}
