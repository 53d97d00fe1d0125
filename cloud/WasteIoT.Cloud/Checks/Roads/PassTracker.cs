namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>
/// One vehicle on one segment for one task, fed the vehicle's fixes that fall on the segment in order. Consecutive
/// fixes (nothing off the segment between them, no longer apart than the dead-zone gap) with the equipment on at a
/// working speed form a run and cover the chainage between them; turning back along the segment ends one run and
/// starts the next, so a vehicle sweeping up and down a street makes two passes.
/// </summary>
internal sealed class PassTracker(string vehicle, RoadTask task, IReadOnlyList<PlannedWork> windows, double lengthM, RoadRules rules)
{
    private readonly double _maxKmh = rules.MaxSpeedKmh(task);
    private readonly List<(double From, double To)> _run = [];
    private long _lastIndex = -2;
    private DateTimeOffset? _runStart;
    private DateTimeOffset _runEnd;
    private (double Chainage, DateTimeOffset Ts)? _previous;
    private double _origin;
    private double _extreme;
    private int _direction;

    public RoadTask Task => task;

    public List<RoadPass>[] Passes { get; } = [.. windows.Select(_ => new List<RoadPass>())];

    public List<(double From, double To)>[] Covered { get; } = [.. windows.Select(_ => new List<(double, double)>())];

    public int[] TooFast { get; } = new int[windows.Count];

    public int[] EquipmentOff { get; } = new int[windows.Count];

    public List<RoadPass> Outside { get; } = [];

    /// <param name="index">The fix's place in the vehicle's track: a jump means the vehicle was off the segment in between.</param>
    public void Add(long index, WorkFix fix, double chainage)
    {
        if (index != _lastIndex + 1)
        {
            EndRun();
        }

        _lastIndex = index;
        var window = WindowOf(fix.Ts);
        var moving = fix.SpeedKmh >= rules.MinSpeedKmh;
        if (moving && fix.EquipmentOn && fix.SpeedKmh > _maxKmh && window >= 0)
        {
            TooFast[window]++;
        }
        else if (moving && !fix.EquipmentOn && window >= 0)
        {
            EquipmentOff[window]++;
        }

        var working = moving && fix.EquipmentOn && fix.SpeedKmh <= _maxKmh;
        if (!working || (_previous is { } gap && fix.Ts - gap.Ts > rules.MaxFixGap))
        {
            EndRun();
            if (!working)
            {
                return;
            }
        }

        if (_previous is { } last)
        {
            if (Reversed(chainage))
            {
                // The turn: the run so far is one pass, the way back starts the next from the last fix.
                EndRun();
                Begin(last.Chainage, last.Ts);
                _direction = Math.Sign(chainage - last.Chainage);
                _extreme = chainage;
            }

            _run.Add((Math.Min(last.Chainage, chainage), Math.Max(last.Chainage, chainage)));
        }
        else
        {
            Begin(chainage, fix.Ts);
        }

        _runEnd = fix.Ts;
        _previous = (chainage, fix.Ts);
    }

    public void Finish() => EndRun();

    private void Begin(double chainage, DateTimeOffset ts)
    {
        _runStart = ts;
        _runEnd = ts;
        _previous = (chainage, ts);
        _origin = chainage;
        _extreme = chainage;
        _direction = 0;
    }

    /// <summary>Whether the vehicle has come back along the segment by more than the lateral tolerance (GNSS jitter is not a turn).</summary>
    private bool Reversed(double chainage)
    {
        var hysteresis = rules.LateralToleranceM;
        if (_direction == 0)
        {
            if (Math.Abs(chainage - _origin) >= hysteresis)
            {
                _direction = Math.Sign(chainage - _origin);
                _extreme = chainage;
            }

            return false;
        }

        if (_direction * (chainage - _extreme) > 0)
        {
            _extreme = chainage;
            return false;
        }

        return _direction * (_extreme - chainage) >= hysteresis;
    }

    private void EndRun()
    {
        if (_runStart is { } start && lengthM > 0)
        {
            var share = RoadCoverageCheck.UnionLength(_run) / lengthM;
            var window = WindowOf(start);
            if (share >= rules.PassShare)
            {
                var pass = new RoadPass(vehicle, task, start, _runEnd, Math.Round(Math.Min(1, share), 4));
                if (window >= 0)
                {
                    Passes[window].Add(pass);
                    Covered[window].AddRange(_run);
                }
                else
                {
                    Outside.Add(pass);
                }
            }
            else if (window >= 0)
            {
                // A partial run inside the window still covers road, though it is not a pass.
                Covered[window].AddRange(_run);
            }
        }

        _run.Clear();
        _runStart = null;
        _previous = null;
        _direction = 0;
    }

    private int WindowOf(DateTimeOffset ts)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            if (ts >= windows[i].From && ts < windows[i].To)
            {
                return i;
            }
        }

        return -1;
    }
}
