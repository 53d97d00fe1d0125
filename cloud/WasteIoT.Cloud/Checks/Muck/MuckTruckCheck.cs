using WasteIoT.Cloud.Checks.Roads;
using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>
/// 渣土车 against its permit for one day: driving with no permit valid, driving off the approved route (outside its
/// corridor and every approved site) or outside the approved hours, each as a stretch of moving fixes lasting at
/// least the rule's minimum; the body raised outside every approved disposal site. The tarp is the sealed-transport
/// check's. Works on the devices' timestamps, so late or reordered data gives the same verdict.
/// </summary>
public static class MuckTruckCheck
{
    /// <param name="plan">The permit's allowances for the day; null when the truck has none valid that day.</param>
    /// <param name="tips">When the body was raised (tipper input on).</param>
    public static MuckResult Evaluate(MuckPlan? plan, IEnumerable<PositionFix> positions, IEnumerable<DateTimeOffset> tips, MuckRules rules)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(tips);
        ArgumentNullException.ThrowIfNull(rules);
        var fixes = positions.OrderBy(p => p.Ts).ToList();
        var routes = plan?.Routes.Where(r => r.Count >= 2).ToList() ?? [];
        var corridor = routes.Count > 0 ? new RoadNetwork(routes, rules.CorridorM) : null;
        var matches = new List<RoadMatch>();

        Geofence[] sites = plan is null ? [] : [.. plan.Origins, .. plan.Disposals];
        bool AtApprovedSite(PositionFix f)
        {
            foreach (var site in sites)
            {
                if (site.OutsideM(f.Lat, f.Lon) <= 0)
                {
                    return true;
                }
            }

            return false;
        }

        bool InHours(PositionFix f)
        {
            foreach (var hours in plan!.Hours)
            {
                if (f.Ts >= hours.From && f.Ts < hours.To)
                {
                    return true;
                }
            }

            return false;
        }
        double? OffCorridorM(PositionFix f)
        {
            if (corridor is null)
            {
                return null;
            }

            corridor.Match(f.Lat, f.Lon, matches);
            if (matches.Count > 0 || AtApprovedSite(f))
            {
                return null;
            }

            // How far off, for the record: searched out to 5 km, beyond that "more than 5 km" is what matters.
            return Math.Min(corridor.NearestM(f.Lat, f.Lon, 5_000), 5_000);
        }

        var unpermitted = plan is null ? Runs(fixes, _ => 0, rules, TimeSpan.Zero) : [];
        var offRoute = corridor is null ? [] : Runs(fixes, OffCorridorM, rules, rules.MinOffRoute);
        var offHours = plan is null ? [] : Runs(fixes, f => InHours(f) ? null : 0, rules, rules.MinOffHours);

        var dumping = new List<SuspectedDumping>();
        var atDisposal = 0;
        foreach (var ts in tips.Order())
        {
            var nearest = fixes.Count == 0 ? null : fixes.MinBy(f => Math.Abs((f.Ts - ts).Ticks));
            if (nearest is null || (nearest.Ts - ts).Duration() > rules.TipLocateWithin)
            {
                dumping.Add(new SuspectedDumping(ts, null, null, null));
                continue;
            }

            var disposals = plan?.Disposals ?? [];
            var outside = disposals.Count == 0 ? (double?)null : disposals.Min(g => g.OutsideM(nearest.Lat, nearest.Lon));
            if (outside is <= 0)
            {
                atDisposal++;
            }
            else
            {
                dumping.Add(new SuspectedDumping(ts, nearest.Lat, nearest.Lon, outside is { } m ? Math.Round(m) : null));
            }
        }

        var driven = 0.0;
        for (var i = 1; i < fixes.Count; i++)
        {
            if (fixes[i].SpeedKmh > rules.MovingSpeedKmh && fixes[i].Ts - fixes[i - 1].Ts <= rules.MaxFixGap)
            {
                driven += Geo.DistanceM(fixes[i - 1].Lat, fixes[i - 1].Lon, fixes[i].Lat, fixes[i].Lon) / 1000;
            }
        }

        return new MuckResult(plan?.Permit, unpermitted, offRoute, offHours, dumping, atDisposal, Math.Round(driven, 3));
    }

    /// <summary>
    /// Stretches of moving fixes for which <paramref name="against"/> gives a distance (how far off; 0 when not a
    /// matter of distance). A standing fix neither starts nor ends one; a fix that is not against the permit, or a
    /// gap over the dead-zone limit, ends it.
    /// </summary>
    private static List<MuckRun> Runs(List<PositionFix> fixes, Func<PositionFix, double?> against, MuckRules rules, TimeSpan minimum)
    {
        var runs = new List<MuckRun>();
        PositionFix? first = null, last = null, previous = null;
        double distance = 0, farthest = 0;

        void Close()
        {
            if (first is not null && last is not null && last.Ts - first.Ts >= minimum && (minimum > TimeSpan.Zero || last.Ts > first.Ts))
            {
                runs.Add(new MuckRun(first.Ts, last.Ts, Math.Round(distance, 3), first.Lat, first.Lon, last.Lat, last.Lon, Math.Round(farthest)));
            }

            (first, last, distance, farthest) = (null, null, 0, 0);
        }

        foreach (var fix in fixes)
        {
            if (previous is not null && fix.Ts - previous.Ts > rules.MaxFixGap)
            {
                Close();
            }

            if (fix.SpeedKmh > rules.MovingSpeedKmh)
            {
                if (against(fix) is { } off)
                {
                    if (first is null)
                    {
                        first = fix;
                    }
                    else if (previous is not null)
                    {
                        distance += Geo.DistanceM(previous.Lat, previous.Lon, fix.Lat, fix.Lon) / 1000;
                    }

                    last = fix;
                    farthest = Math.Max(farthest, off);
                }
                else
                {
                    Close();
                }
            }

            previous = fix;
        }

        Close();
        return runs;
    }
}
