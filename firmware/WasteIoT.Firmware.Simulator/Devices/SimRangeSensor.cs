using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>
/// An ultrasonic sensor over a simulated surface: a few millimetres of noise, the occasional late echo
/// of the previous ping (reads short) or a slanted reflection (reads long), and no echo during a dropout.
/// </summary>
internal sealed class SimRangeSensor(Func<int> surfaceMm, Random random) : IRangeSensor
{
    public bool DroppedOut { get; set; }

    public bool IsAcoustic => true;

    public double AssumedSpeedOfSound => 343.42;

    public bool TryMeasure(out int distanceMm)
    {
        distanceMm = 0;
        if (DroppedOut)
        {
            return false;
        }

        var roll = random.NextDouble();
        var surface = surfaceMm();
        distanceMm = roll switch
        {
            < 0.04 => random.Next(60, 200),
            < 0.07 => surface + random.Next(150, 400),
            _ => surface + random.Next(-6, 7),
        };
        return true;
    }
}
