namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>
/// 密闭运输 for one truck and one day: the cover open while the truck drives faster than
/// <see cref="SealedTransportRules.MovingSpeedKmh"/> for longer than <see cref="SealedTransportRules.MinOpenDuration"/>.
/// Works on the devices' timestamps, so data that arrives late or out of order after a dead zone gives the same
/// verdict. A parked truck's GNSS jitter never counts: the truck node reports parked fixes at speed 0 and only
/// fixes above the moving speed form a drive.
/// </summary>
public static class SealedTransportCheck
{
    public static SealedTransportResult Evaluate(IEnumerable<PositionFix> positions, IEnumerable<CoverObservation> covers, SealedTransportRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var fixes = positions.OrderBy(p => p.Ts).ToList();
        var cover = covers.OrderBy(c => c.Ts).ToList();
        var violations = new List<OpenCoverViolation>();
        var silent = new List<SilentCoverFinding>();
        var driven = 0.0;

        Run? open = null;
        Run? quiet = null;
        var coverIndex = -1;
        for (var i = 0; i < fixes.Count; i++)
        {
            var fix = fixes[i];
            while (coverIndex + 1 < cover.Count && cover[coverIndex + 1].Ts <= fix.Ts)
            {
                coverIndex++;
            }

            var previous = i > 0 ? fixes[i - 1] : null;
            var continuous = previous is not null && fix.Ts - previous.Ts <= rules.MaxFixGap;
            var moving = fix.SpeedKmh > rules.MovingSpeedKmh;
            var step = continuous && moving ? Geo.DistanceM(previous!.Lat, previous.Lon, fix.Lat, fix.Lon) / 1000 : 0;
            driven += step;

            var known = coverIndex >= 0 && fix.Ts - cover[coverIndex].Ts <= rules.SilentAfter;
            var isOpen = known && cover[coverIndex].Open;

            open = Advance(open, moving && isOpen && (open is null || continuous), fix, step, r => Close(r, rules.MinOpenDuration, violations));
            quiet = Advance(quiet, moving && !known && (quiet is null || continuous), fix, step, r => silent.Add(new SilentCoverFinding(r.Start.Ts, r.Last.Ts, r.DistanceKm)));
        }

        if (open is not null)
        {
            Close(open, rules.MinOpenDuration, violations);
        }

        if (quiet is not null)
        {
            silent.Add(new SilentCoverFinding(quiet.Start.Ts, quiet.Last.Ts, quiet.DistanceKm));
        }

        return new SealedTransportResult(violations, silent, driven);
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
    }
}
