namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>A distance sensor looking down into a bin or a pond (HC-SR04/JSN-SR04T ultrasonic, VL53L0X time of flight).</summary>
    public interface IRangeSensor
    {
        /// <summary>True for sound (needs speed-of-sound compensation), false for light.</summary>
        bool IsAcoustic { get; }

        /// <summary>The speed of sound the driver assumed when it turned echo time into distance, m/s.</summary>
        double AssumedSpeedOfSound { get; }

        /// <summary>One ping.</summary>
        /// <returns>False when no echo came back in time.</returns>
        bool TryMeasure(out int distanceMm);
    }
}
