using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Firmware.Simulator.World;

/// <summary>
/// Odour in a public toilet or transfer station: every visitor adds ammonia and a little hydrogen
/// sulphide, ventilation removes it (about an hour's time constant), a cleaning removes most of it.
/// The cleaner's visits are spread evenly over the opening hours.
/// </summary>
internal sealed class ToiletModel
{
    private const double BaselineNh3 = 0.04;
    private const double BaselineH2s = 0.002;
    private const double VentilationPerHour = 1.0;

    private readonly Random _random;
    private readonly List<long> _cleaningStarts = [];
    private long _lastUpdate = -1;

    public ToiletModel(SiteDefinition definition, SimulationTime time, Random random, int cleanings)
    {
        Definition = definition;
        _random = random;
        var open = time.At(definition.OpenFrom);
        var close = time.At(definition.OpenTo);
        var gap = (close - open) / Math.Max(1, cleanings);
        for (var i = 0; i < cleanings; i++)
        {
            _cleaningStarts.Add(open + (gap / 2) + (i * gap) + random.Next(-600_000, 600_000));
        }
    }

    public SiteDefinition Definition { get; }

    public double Nh3 { get; private set; } = BaselineNh3;

    public double H2s { get; private set; } = BaselineH2s;

    public IReadOnlyList<long> CleaningStarts => _cleaningStarts;

    public double PondLevelM { get; private set; }

    public void Update(SimulationTime time)
    {
        if (_lastUpdate < 0)
        {
            PondLevelM = Definition.PondLevelM;
        }
        else
        {
            var hours = (time.NowMs - _lastUpdate) / 3_600_000.0;
            var open = time.TimeOfDay >= Definition.OpenFrom && time.TimeOfDay < Definition.OpenTo;
            var visitors = open ? Definition.VisitorsPerHour * hours * (0.5 + _random.NextDouble()) : 0;
            var decay = Math.Exp(-VentilationPerHour * hours);
            Nh3 = BaselineNh3 + ((Nh3 - BaselineNh3) * decay) + (visitors * 0.012);
            H2s = BaselineH2s + ((H2s - BaselineH2s) * decay) + (visitors * 0.0004);
            PondLevelM += Definition.PondRisePerHourM * hours;
        }

        _lastUpdate = time.NowMs;
    }

    public void Clean()
    {
        Nh3 = BaselineNh3 + ((Nh3 - BaselineNh3) * 0.2);
        H2s = BaselineH2s + ((H2s - BaselineH2s) * 0.2);
    }
}
