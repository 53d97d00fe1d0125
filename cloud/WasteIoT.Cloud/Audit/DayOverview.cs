using WasteIoT.Cloud.Checks.Evidence;

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

    /// <summary>Things whose verdicts the devices could not support: unverified or no data, with the share heard.</summary>
    public IReadOnlyList<UnheardThing> Unverified { get; init; } = [];

    /// <summary>Whether any device reported on the day: an empty day is "no data yet", not a day of failures.</summary>
    public bool HasData { get; init; }

    public static DayOverview From(CountyDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return new DayOverview(
            day.Date,
            day.ComputedAt,
            day.Summary,
            [.. day.Trucks.SelectMany(t => t.SealedTransport.Violations.Select(v => new TruckViolation(t.Truck, t.Contractor, v)))],
            [.. day.Routes.Where(r => r.Coverage is not null).Select(r => new RouteProgress(r.Route, r.Name, r.Truck, r.Coverage!.Served, r.Coverage.Scheduled, r.Coverage.Missed.Count, r.Coverage.FarScans.Count,
                [.. r.Coverage.Missed.Take(MissedShown).Select(h => h.Household)], r.Coverage.Unverified.Count, r.State ?? VerdictState.Ok, r.Evidence?.Coverage ?? 0))],
            [.. day.Toilets.Where(t => t.Cleaning == VerdictState.Shortfall).Select(t => t.Toilet)],
            [.. day.Bins.Concat(day.Stations.SelectMany(s => s.Containers)).Where(b => b.State == VerdictState.Shortfall).Select(b => b.Bin)])
        {
            HasData = day.ReportingDevices.Count > 0,
            Unverified = [.. day.Toilets.Where(t => t.Cleaning is VerdictState.Unverified or VerdictState.NoData).Select(t => new UnheardThing("toilet", t.Toilet, t.Name, t.Cleaning, t.Evidence.Coverage))
                .Concat(day.Bins.Concat(day.Stations.SelectMany(s => s.Containers)).Where(b => b.State is VerdictState.Unverified or VerdictState.NoData).Select(b => new UnheardThing("bin", b.Bin, b.Bin, b.State, b.Evidence.Coverage)))
                .Concat(day.Routes.Where(r => r.State is VerdictState.Unverified or VerdictState.NoData).Select(r => new UnheardThing("route", r.Route, r.Name, r.State!.Value, r.Evidence?.Coverage ?? 0)))
                .Concat(day.Roads.Where(r => r.State is VerdictState.Unverified or VerdictState.NoData).Select(r => new UnheardThing("road", r.Segment, r.Name, r.State, r.Work.Min(w => w.Evidence.Coverage))))],
        };
    }
}
