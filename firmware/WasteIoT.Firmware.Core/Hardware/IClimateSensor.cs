namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>Temperature and humidity (SHT3x, BME280).</summary>
    public interface IClimateSensor
    {
        /// <returns>False on a bus error or a CRC failure.</returns>
        bool TryRead(out double celsius, out double relativeHumidity);
    }
}
