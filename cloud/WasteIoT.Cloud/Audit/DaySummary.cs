using WasteIoT.Cloud.Checks.Clearance;

namespace WasteIoT.Cloud.Audit;

/// <summary>The county's day at a glance: the bureau's first screen.</summary>
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
    public static DaySummary From(
        IReadOnlyList<RouteAudit> routes, IReadOnlyList<TruckAudit> trucks, IReadOnlyList<BinAudit> bins, IReadOnlyList<ToiletAudit> toilets, IReadOnlyList<StationAudit> stations, IReadOnlyList<PondAudit> ponds)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(trucks);
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(toilets);
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentNullException.ThrowIfNull(ponds);
        var allBins = bins.Concat(stations.SelectMany(s => s.Containers)).ToList();
        var scheduled = routes.Sum(r => r.Coverage?.Scheduled ?? 0);
        var served = routes.Sum(r => r.Coverage?.Served ?? 0);
        return new DaySummary(
            scheduled,
            served,
            scheduled == 0 ? 1 : (double)served / scheduled,
            trucks.Sum(t => t.SealedTransport.Violations.Count),
            trucks.Sum(t => t.SealedTransport.SilentSensor.Count),
            allBins.Count(b => b.Clearance.Verdict == ClearanceVerdict.Cleared),
            allBins.Count(b => b.Clearance.Verdict is ClearanceVerdict.NotCleared or ClearanceVerdict.LeftFull),
            allBins.Count(b => b.Clearance.Verdict is ClearanceVerdict.NoData or ClearanceVerdict.SensorFault),
            toilets.Count(t => !t.Result.EnoughCleanings),
            toilets.Sum(t => t.Result.Exceedances.Count) + stations.Sum(s => s.Result.Exceedances.Count),
            ponds.Count(p => p.Result.Alarm),
            ponds.Select(p => p.Result.VolumeM3).Where(v => v is not null).DefaultIfEmpty(null).Max());
    }
}
