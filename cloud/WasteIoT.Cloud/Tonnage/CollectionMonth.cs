using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Audit;

namespace WasteIoT.Cloud.Tonnage;

/// <summary>
/// Tonnes collected in a month by truck and by route, from each closed day's collection ledger as kept (the same rows
/// the day audit wrote; a day not yet closed is not in it). <see cref="DaysKept"/> says how many days that is.
/// </summary>
public sealed record CollectionMonth(string Month, int DaysKept, double DeliveredT, IReadOnlyList<TruckMonth> Trucks, IReadOnlyList<RouteMonth> Routes)
{
    public static CollectionMonth From(string month, int daysKept, IReadOnlyList<TruckDayTonnes> rows, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(viewer);
        var seen = rows.Where(r => viewer.SeesTruck(r.Truck, r.Contractor)).ToList();
        var trucks = seen.GroupBy(r => r.Truck, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new TruckMonth(
            g.Key, g.Last().Contractor, [.. g.Select(r => r.Route).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            g.Count(r => r.Trips > 0), g.Sum(r => r.Trips), Math.Round(g.Sum(r => r.DeliveredT), 3), g.Sum(r => r.Unweighed), g.Sum(r => r.Overloads))).ToList();
        var routes = seen.Where(r => r.Route is not null).GroupBy(r => r.Route!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RouteMonth(
            g.Key, g.Last().Contractor, [.. g.Select(r => r.Truck).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            g.Where(r => r.Trips > 0).Select(r => r.Day).Distinct().Count(), g.Sum(r => r.Trips), Math.Round(g.Sum(r => r.DeliveredT), 3))).ToList();
        return new CollectionMonth(month, daysKept, Math.Round(seen.Sum(r => r.DeliveredT), 3), trucks, routes);
    }
}
