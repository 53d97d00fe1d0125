using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Firmware.Simulator.World;

/// <summary>
/// How full a bin is: it fills faster around meals and in the evening, slower at night, and drops to
/// nearly empty when a truck serves it.
/// </summary>
internal sealed class BinModel(BinDefinition definition, Random random)
{
    private long _lastUpdate = -1;

    public BinDefinition Definition { get; } = definition;

    public double Level { get; private set; } = definition.InitialLevel;

    public int Emptyings { get; private set; }

    public void Update(SimulationTime time)
    {
        if (_lastUpdate >= 0)
        {
            var hours = (time.NowMs - _lastUpdate) / 3_600_000.0;
            Level = Math.Min(1.05, Level + (Definition.FillPerHour * Activity(time.TimeOfDay.Hour) * hours));
        }

        _lastUpdate = time.NowMs;
    }

    public void Empty()
    {
        Level = 0.01 + (random.NextDouble() * 0.03);
        Emptyings++;
    }

    /// <summary>Distance from a sensor under the lid to the waste surface, mm.</summary>
    public int SurfaceDistanceMm(int deadZoneMm) =>
        (int)(Definition.DepthMm - (Math.Min(1, Level) * (Definition.DepthMm - deadZoneMm)));

    private static double Activity(int hour) => hour switch
    {
        < 6 => 0.1,
        < 9 => 1.0,
        < 11 => 0.5,
        < 14 => 1.0,
        < 17 => 0.5,
        < 21 => 1.0,
        _ => 0.3,
    };
}
