using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Checks.DataHealth;

namespace WasteIoT.Cloud.Audit;

/// <summary>Every check for every registered thing on one local day, as of <see cref="ComputedAt"/>.</summary>
/// <param name="ReportingDevices">Registered devices that sent anything during the day.</param>
public sealed record CountyDay(
    DateOnly Date,
    DateTimeOffset ComputedAt,
    long RegistryVersion,
    DaySummary Summary,
    IReadOnlyList<RouteAudit> Routes,
    IReadOnlyList<TruckAudit> Trucks,
    IReadOnlyList<BinAudit> Bins,
    IReadOnlyList<ToiletAudit> Toilets,
    IReadOnlyList<StationAudit> Stations,
    IReadOnlyList<PondAudit> Ponds,
    DataHealthResult DataHealth,
    IReadOnlyList<string> ReportingDevices)
{
    /// <summary>Road segments of the cleaning plan with work due, by id.</summary>
    public IReadOnlyList<RoadAudit> Roads { get; init; } = [];

    /// <summary>Collection trucks' tonnes delivered to the weighed stations (and their cross-checks), by plate.</summary>
    public IReadOnlyList<Checks.Tonnage.TruckTonnage> Collection { get; init; } = [];

    /// <summary>Weighed landfills' days: tonnes disposed of.</summary>
    public IReadOnlyList<LandfillAudit> Landfills { get; init; } = [];

    /// <summary>Transfer trucks' hauls out of the stations, each followed to a landfill's weighbridge.</summary>
    public IReadOnlyList<Checks.Tonnage.Haul> Hauls { get; init; } = [];

    /// <summary>Muck trucks against their permits, by plate.</summary>
    public IReadOnlyList<MuckAudit> Muck { get; init; } = [];

    /// <summary>The part of the day a user may see, with its own summary (data health is the bureau's).</summary>
    public CountyDay For(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsBureau)
        {
            return this;
        }

        var routes = Routes.Where(r => viewer.SeesTruck(r.Truck, r.Contractor)).ToList();
        var trucks = Trucks.Where(t => viewer.SeesTruck(t.Truck, t.Contractor)).ToList();
        var bins = Bins.Where(b => viewer.SeesSite(b.Contractor)).ToList();
        var toilets = Toilets.Where(t => viewer.SeesSite(t.Contractor)).ToList();
        var stations = Stations.Where(s => viewer.SeesSite(s.Contractor)).ToList();
        var ponds = Ponds.Where(p => viewer.SeesSite(p.Contractor)).ToList();
        var roads = Roads.Where(r => viewer.SeesSite(r.Contractor)).ToList();
        var muck = Muck.Where(m => viewer.SeesTruck(m.Truck, m.Contractor)).ToList();
        var collection = Collection.Where(c => viewer.SeesTruck(c.Truck, c.Contractor)).ToList();
        var landfills = Landfills.Where(l => viewer.SeesSite(l.Contractor)).ToList();
        var hauls = Hauls.Where(h => viewer.SeesTruck(h.Truck, h.Contractor)).ToList();
        return this with
        {
            Summary = DaySummary.From(routes, trucks, bins, toilets, stations, ponds, roads, muck, collection, landfills, hauls),
            Landfills = landfills,
            Hauls = hauls,
            Collection = collection,
            Roads = roads,
            Muck = muck,
            Routes = routes,
            Trucks = trucks,
            Bins = bins,
            Toilets = toilets,
            Stations = stations,
            Ponds = ponds,
            DataHealth = new DataHealthResult([], [], 0, 0),
            ReportingDevices = [],
        };
    }
}
