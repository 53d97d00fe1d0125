namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>
/// <see cref="SealedTransportCheck"/> kept open for a live day: fixes and cover states are added in time order, each
/// costing only itself, and the result so far is read off without closing the drive under way. A fix older than the
/// last one, or a cover state no later than the last fix, would change what was already judged: it is refused, and
/// the caller judges the day again from all of its data.
/// </summary>
public sealed class SealedTransportFold(SealedTransportRules rules)
{
    private readonly List<OpenCoverViolation> _violations = [];
    private readonly List<SilentCoverFinding> _silent = [];
    private readonly Queue<CoverObservation> _pending = new();
    private CoverObservation? _cover;
    private CoverObservation? _lastAdded;
    private PositionFix? _previous;
    private double _driven;
    private Run? _open;
    private Run? _quiet;

    public int Fixes { get; private set; }

    public PositionFix? LastFix => _previous;

    /// <summary>What the fold holds, to be written down and taken up again (after a restart) by <see cref="Restore"/>.</summary>
    public State Save() => new(rules, [.. _violations], [.. _silent], [.. _pending], _cover, _lastAdded, _previous, _driven, _open?.Save(), _quiet?.Save(), Fixes);

    public static SealedTransportFold Restore(State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fold = new SealedTransportFold(state.Rules)
        {
            _cover = state.Cover,
            _lastAdded = state.LastAdded,
            _previous = state.Previous,
            _driven = state.Driven,
            _open = state.Open is { } open ? Run.Restore(open) : null,
            _quiet = state.Quiet is { } quiet ? Run.Restore(quiet) : null,
            Fixes = state.Fixes,
        };
        fold._violations.AddRange(state.Violations);
        fold._silent.AddRange(state.Silent);
        foreach (var cover in state.Pending)
        {
            fold._pending.Enqueue(cover);
        }

        return fold;
    }

    /// <summary>Adds a cover state; false when it is older than the last one added or no later than the last fix.</summary>
    public bool TryAddCover(CoverObservation cover)
    {
        ArgumentNullException.ThrowIfNull(cover);
        if ((_previous is not null && cover.Ts <= _previous.Ts) || (_lastAdded is not null && cover.Ts < _lastAdded.Ts))
        {
            return false;
        }

        _pending.Enqueue(cover);
        _lastAdded = cover;
        return true;
    }

    /// <summary>Adds the next fix; false when it is older than the last one.</summary>
    public bool TryAddFix(PositionFix fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        if (_previous is not null && fix.Ts < _previous.Ts)
        {
            return false;
        }

        while (_pending.Count > 0 && _pending.Peek().Ts <= fix.Ts)
        {
            _cover = _pending.Dequeue();
        }

        var previous = _previous;
        var continuous = previous is not null && fix.Ts - previous.Ts <= rules.MaxFixGap;
        var moving = fix.SpeedKmh > rules.MovingSpeedKmh;
        var step = continuous && moving ? Geo.DistanceM(previous!.Lat, previous.Lon, fix.Lat, fix.Lon) / 1000 : 0;
        _driven += step;

        var known = _cover is not null && fix.Ts - _cover.Ts <= rules.SilentAfter;
        var isOpen = known && _cover!.Open;

        _open = Advance(_open, moving && isOpen && (_open is null || continuous), fix, step, r => Close(r, rules.MinOpenDuration, _violations));
        _quiet = Advance(_quiet, moving && !known && (_quiet is null || continuous), fix, step, r => _silent.Add(r.Silent()));
        _previous = fix;
        Fixes++;
        return true;
    }

    /// <summary>The day so far: a drive still under way is judged as if it ended at its last fix.</summary>
    public SealedTransportResult Result()
    {
        var violations = new List<OpenCoverViolation>(_violations);
        var silent = new List<SilentCoverFinding>(_silent);
        if (_open is not null)
        {
            Close(_open, rules.MinOpenDuration, violations);
        }

        if (_quiet is not null)
        {
            silent.Add(_quiet.Silent());
        }

        return new SealedTransportResult(violations, silent, _driven);
    }

    private static Run? Advance(Run? run, bool condition, PositionFix fix, double stepKm, Action<Run> finish)
    {
        if (condition)
        {
            if (run is null)
            {
                return new Run(fix);
            }

            run.Extend(fix, stepKm);
            return run;
        }

        if (run is not null)
        {
            finish(run);
        }

        return null;
    }

    private static void Close(Run run, TimeSpan minimum, List<OpenCoverViolation> violations)
    {
        if (run.Last.Ts - run.Start.Ts > minimum)
        {
            violations.Add(new OpenCoverViolation(run.Start.Ts, run.Last.Ts, run.Start.Lat, run.Start.Lon, run.Last.Lat, run.Last.Lon, run.DistanceKm, run.PeakSpeed));
        }
    }

    private sealed class Run(PositionFix start)
    {
        public PositionFix Start { get; } = start;

        public PositionFix Last { get; private set; } = start;

        public double DistanceKm { get; private set; }

        public double PeakSpeed { get; private set; } = start.SpeedKmh;

        public void Extend(PositionFix fix, double stepKm)
        {
            Last = fix;
            DistanceKm += stepKm;
            PeakSpeed = Math.Max(PeakSpeed, fix.SpeedKmh);
        }

        public SilentCoverFinding Silent() => new(Start.Ts, Last.Ts, DistanceKm);

        public RunState Save() => new(Start, Last, DistanceKm, PeakSpeed);

        public static Run Restore(RunState state) => new(state.Start) { Last = state.Last, DistanceKm = state.DistanceKm, PeakSpeed = state.PeakSpeed };
    }

    /// <summary>A drive under way, written down.</summary>
    public sealed record RunState(PositionFix Start, PositionFix Last, double DistanceKm, double PeakSpeed);

    /// <summary>A <see cref="SealedTransportFold"/> written down, with the rules it folded under.</summary>
    public sealed record State(SealedTransportRules Rules, List<OpenCoverViolation> Violations, List<SilentCoverFinding> Silent, List<CoverObservation> Pending,
        CoverObservation? Cover, CoverObservation? LastAdded, PositionFix? Previous, double Driven, RunState? Open, RunState? Quiet, int Fixes);
}
