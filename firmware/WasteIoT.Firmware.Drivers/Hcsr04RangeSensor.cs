using Iot.Device.Hcsr04;
using UnitsNet;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>
    /// HC-SR04 or its waterproof cousin JSN-SR04T (the one that survives under a bin lid). The binding turns
    /// echo time into distance with a fixed speed of sound; the core compensates for temperature.
    /// </summary>
    public class Hcsr04RangeSensor : IRangeSensor
    {
        private readonly Hcsr04 _sensor;

        public Hcsr04RangeSensor(int triggerPin, int echoPin)
        {
            _sensor = new Hcsr04(triggerPin, echoPin);
        }

        public bool IsAcoustic
        {
            get { return true; }
        }

        /// <summary>The binding's conversion constant (343 m/s, dry air at 20 °C).</summary>
        public double AssumedSpeedOfSound
        {
            get { return 343; }
        }

        public bool TryMeasure(out int distanceMm)
        {
            Length distance;
            if (_sensor.TryGetDistance(out distance))
            {
                distanceMm = (int)distance.Millimeters;
                return distanceMm > 0;
            }

            distanceMm = 0;
            return false;
        }
    }
}
