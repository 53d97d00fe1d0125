using System.Device.I2c;
using Iot.Device.Sht3x;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>SHT31 temperature and humidity; a CRC failure or bus error is a failed read, not an exception.</summary>
    public class Sht3xClimateSensor : IClimateSensor
    {
        private readonly Sht3x _sensor;

        public Sht3xClimateSensor(I2cDevice device)
        {
            _sensor = new Sht3x(device);
        }

        public bool TryRead(out double celsius, out double relativeHumidity)
        {
            try
            {
                celsius = _sensor.Temperature.DegreesCelsius;
                relativeHumidity = _sensor.Humidity.Percent;
                return !double.IsNaN(celsius) && !double.IsNaN(relativeHumidity);
            }
            catch (System.IO.IOException)
            {
                celsius = double.NaN;
                relativeHumidity = double.NaN;
                return false;
            }
        }
    }
}
