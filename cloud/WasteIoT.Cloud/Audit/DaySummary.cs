using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The county's day at a glance: the bureau's first screen. Rates count only what was proven either way; what the
/// devices did not hear is counted beside them, never as a failure.
/// </summary>
/// <param name="Coverage">Served share of the households proven served or missed.</param>
/// <param name="HouseholdsUnverified">Households neither scanned nor proven missed (the truck's node was not heard over their stretch).</param>
/// <param name="RoutesNoData">Routes due whose truck was not heard at all in their service hours.</param>
public sealed record DaySummary(
    int HouseholdsScheduled,
    int HouseholdsServed,
    double Coverage,
    int OpenCoverViolations,
    int SilentCoverFindings,
    int BinsCleared,
    int BinsNotCleared,
    int BinsNoData,
    int ToiletsUnderRequired,
    int OdourExceedances,
    int PondAlarms,
    double? HighestPondVolumeM3)
{
    public int HouseholdsMissed { get; init; }

    public int HouseholdsUnverified { get; init; }

    public int RoutesNoData { get; init; }

    public int BinsUnverified { get; init; }

    public int ToiletsVerified { get; init; }

    public int ToiletsUnverified { get; init; }

    /// <summary>Odour episodes (a gas over its limit long enough to count) at toilets and transfer stations: what odour is judged on.</summary>
    public int OdourEpisodes { get; init; }

    /// <summary>Things whose nodes went silent during their service or opening hours.</summary>
    public int SilentNodes { get; init; }

    /// <summary>Road segments with work due.</summary>
    public int RoadSegments { get; init; }

    /// <summary>Planned tasks (a segment's window) proven short: too few passes while every vehicle that could do them was heard.</summary>
    public int RoadWorkShort { get; init; }

    /// <summary>Planned tasks neither proven done nor proven short.</summary>
    public int RoadWorkUnverified { get; init; }

    /// <summary>
    /// 机扫率: the length of road swept as planned over the length whose sweeping was proven either way (null when
    /// none was); road not proven either way is <see cref="SweepUnprovenKm"/>.
    /// </summary>
    public double? SweepRate { get; init; }

    public double SweptKm { get; init; }

    public double SweepPlannedKm { get; init; }

    public double SweepUnprovenKm { get; init; }

    /// <summary>Tonnes delivered to and hauled out of the weighed transfer stations, and the stations proven not cleared.</summary>
    public double TonnesIn { get; init; }

    public double TonnesOut { get; init; }

    public int StationsNotCleared { get; init; }

    /// <summary>Tonnes weighed in at the landfills, and transfer hauls proven not to have reached one (or not proven either way).</summary>
    public double TonnesDisposed { get; init; }

    public int HaulsNotDisposed { get; init; }

    public int HaulsUnverified { get; init; }

    /// <summary>Tonnes the collection trucks delivered to weighed stations (the report's "tonnes collected"), and the cross-checks' findings.</summary>
    public double TonnesCollected { get; init; }

    public int UnweighedVisits { get; init; }

    public int Overloads { get; init; }

    /// <summary>Leachate treated by the ponds' treatment units during the day, m³.</summary>
    public double TreatedM3 { get; init; }

    public int MuckTrucks { get; init; }

    /// <summary>Stretches of driving against a permit (none valid, off route, off hours) and raises placed outside every disposal site.</summary>
    public int MuckViolations { get; init; }

    /// <summary>Raises of a muck truck's body placed outside every approved disposal site (疑似偷倒).</summary>
    public int SuspectedDumping { get; init; }

    public static DaySummary From(
        IReadOnlyList<RouteAudit> routes, IReadOnlyList<TruckAudit> trucks, IReadOnlyList<BinAudit> bins, IReadOnlyList<ToiletAudit> toilets, IReadOnlyList<StationAudit> stations, IReadOnlyList<PondAudit> ponds,
        IReadOnlyList<RoadAudit>? roads = null, IReadOnlyList<MuckAudit>? muck = null, IReadOnlyList<Checks.Tonnage.TruckTonnage>? collection = null,
        IReadOnlyList<LandfillAudit>? landfills = null, IReadOnlyList<Checks.Tonnage.Haul>? hauls = null)
    {
        landfills ??= [];
        hauls ??= [];
        roads ??= [];
        muck ??= [];
        collection ??= [];
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(trucks);
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(toilets);
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentNullException.ThrowIfNull(ponds);
        var allBins = bins.Concat(stations.SelectMany(s => s.Containers)).ToList();
        var scheduled = routes.Sum(r => r.Coverage?.Scheduled ?? 0);
        var served = routes.Sum(r => r.Coverage?.Served ?? 0);
        var missed = routes.Sum(r => r.Coverage?.Missed.Count ?? 0);
        var evidence = routes.Select(r => r.Evidence).Concat(trucks.Select(t => t.Evidence)).Concat(allBins.Select(b => b.Evidence))
            .Concat(toilets.Select(t => t.Evidence)).Concat(stations.Select(s => s.Evidence)).Concat(ponds.Select(p => p.Evidence));
        var sweeping = roads.Where(r => r.Work.Any(w => w.Result.Task == Checks.Roads.RoadTask.Sweep)).ToList();
        var swept = sweeping.Where(r => r.SweptAsPlanned == true).Sum(r => r.LengthM) / 1000;
        var shortKm = sweeping.Where(r => r.SweptAsPlanned == false).Sum(r => r.LengthM) / 1000;
        var plannedKm = sweeping.Sum(r => r.LengthM) / 1000;
        return new DaySummary(
            scheduled,
            served,
            served + missed == 0 ? 1 : (double)served / (served + missed),
            trucks.Sum(t => t.SealedTransport.Violations.Count),
            trucks.Sum(t => t.SealedTransport.SilentSensor.Count),
            allBins.Count(b => b.State == VerdictState.Ok),
            allBins.Count(b => b.State == VerdictState.Shortfall),
            allBins.Count(b => b.State == VerdictState.NoData),
            toilets.Count(t => t.Cleaning == VerdictState.Shortfall),
            toilets.Sum(t => t.Result.Exceedances.Count) + stations.Sum(s => s.Result.Exceedances.Count),
            ponds.Count(p => p.Result.Alarm),
            ponds.Select(p => p.Result.VolumeM3).Where(v => v is not null).DefaultIfEmpty(null).Max())
        {
            HouseholdsMissed = missed,
            HouseholdsUnverified = routes.Sum(r => r.Coverage?.Unverified.Count ?? 0),
            RoutesNoData = routes.Count(r => r.State == VerdictState.NoData),
            BinsUnverified = allBins.Count(b => b.State == VerdictState.Unverified),
            ToiletsVerified = toilets.Count(t => t.Cleaning is VerdictState.Ok or VerdictState.Shortfall),
            ToiletsUnverified = toilets.Count(t => t.Cleaning is VerdictState.Unverified or VerdictState.NoData),
            OdourEpisodes = toilets.Sum(t => t.Result.Episodes.Count) + stations.Sum(s => s.Result.Episodes.Count),
            SilentNodes = evidence.OfType<WindowEvidence>().Count(e => e.Silent > TimeSpan.Zero && !e.Verified),
            RoadSegments = roads.Count,
            RoadWorkShort = roads.Sum(r => r.Work.Count(w => w.State == VerdictState.Shortfall)),
            RoadWorkUnverified = roads.Sum(r => r.Work.Count(w => w.State is VerdictState.Unverified or VerdictState.NoData)),
            SweepRate = swept + shortKm == 0 ? null : Math.Round(swept / (swept + shortKm), 4),
            SweptKm = Math.Round(swept, 3),
            SweepPlannedKm = Math.Round(plannedKm, 3),
            SweepUnprovenKm = Math.Round(plannedKm - swept - shortKm, 3),
            TonnesIn = Math.Round(stations.Sum(s => s.Ledger?.InT ?? 0), 3),
            TonnesOut = Math.Round(stations.Sum(s => s.Ledger?.OutT ?? 0), 3),
            StationsNotCleared = stations.Count(s => s.LedgerState == VerdictState.Shortfall),
            TonnesCollected = Math.Round(collection.Sum(c => c.DeliveredT), 3),
            UnweighedVisits = collection.Sum(c => c.Unweighed.Count),
            Overloads = collection.Sum(c => c.Overloads.Count),
            TreatedM3 = Math.Round(ponds.Sum(p => p.Result.TreatedM3 ?? 0), 2),
            TonnesDisposed = Math.Round(landfills.Sum(l => l.DisposedT), 3),
            HaulsNotDisposed = hauls.Count(h => h.State == VerdictState.Shortfall),
            HaulsUnverified = hauls.Count(h => h.State == VerdictState.Unverified),
            MuckTrucks = muck.Count,
            MuckViolations = muck.Sum(m => m.Result.Unpermitted.Count + m.Result.OffRoute.Count + m.Result.OffHours.Count + m.Result.Dumping.Count(d => d.Located)),
            SuspectedDumping = muck.Sum(m => m.Result.Dumping.Count(d => d.Located)),
        };
    }
}
