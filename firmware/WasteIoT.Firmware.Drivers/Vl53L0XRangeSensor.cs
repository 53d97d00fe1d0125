using System.Device.I2c;
using Iot.Device.Vl53L0X;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>VL53L0X time-of-flight sensor (up to about 1.2 m on dark bags): light needs no temperature compensation.</summary>
    public class Vl53L0XRangeSensor : IRangeSensor
    {
        private readonly Vl53L0X _sensor;

        public Vl53L0XRangeSensor(I2cDevice device)
        {
            _sensor = new Vl53L0X(device);
        }

        public bool IsAcoustic
        {
            get { return false; }
        }

        public double AssumedSpeedOfSound
        {
            get { return 0; }
        }

        public bool TryMeasure(out int distanceMm)
        {
            ushort raw = _sensor.GetDistanceOnce(false);
            distanceMm = raw;
            return raw > 0 && raw < (ushort)OperationRange.OutOfRange;
        }
    }
}
