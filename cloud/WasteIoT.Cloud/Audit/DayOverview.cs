namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The first screen's data, small enough to serve at once on a county-sized day: the summary, the violations, each
/// route's progress (missed households only as a count and the first few), and what needs attention.
/// </summary>
public sealed record DayOverview(
    DateOnly Date,
    DateTimeOffset ComputedAt,
    DaySummary Summary,
    IReadOnlyList<TruckViolation> Violations,
    IReadOnlyList<RouteProgress> Routes,
    IReadOnlyList<string> ToiletsUnderRequired,
    IReadOnlyList<string> BinsNotCleared)
{
    public const int MissedShown = 20;

    public static DayOverview From(CountyDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return new DayOverview(
            day.Date,
            day.ComputedAt,
            day.Summary,
            [.. day.Trucks.SelectMany(t => t.SealedTransport.Violations.Select(v => new TruckViolation(t.Truck, t.Contractor, v)))],
            [.. day.Routes.Where(r => r.Coverage is not null).Select(r => new RouteProgress(r.Route, r.Name, r.Truck, r.Coverage!.Served, r.Coverage.Scheduled, r.Coverage.Missed.Count, r.Coverage.FarScans.Count, [.. r.Coverage.Missed.Take(MissedShown).Select(h => h.Household)]))],
            [.. day.Toilets.Where(t => !t.Result.EnoughCleanings).Select(t => t.Toilet)],
            [.. day.Bins.Concat(day.Stations.SelectMany(s => s.Containers)).Where(b => b.Clearance.Verdict is Checks.Clearance.ClearanceVerdict.NotCleared or Checks.Clearance.ClearanceVerdict.LeftFull).Select(b => b.Bin)]);
    }
}
