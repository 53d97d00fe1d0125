using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// A muck truck's transport permit (建筑垃圾运输核准): the truck it is issued to, the construction sites it may load
/// at, the disposal sites (消纳场) it may tip at, the routes and hours it may drive, and the days it is valid.
/// </summary>
public sealed record MuckPermit(string Id, string Truck, string Contractor, IReadOnlyList<Geofence> Origins, IReadOnlyList<Geofence> Disposals,
    IReadOnlyList<IReadOnlyList<RoadPoint>> Routes, IReadOnlyList<PermitHours> Hours, DateOnly ValidFrom, DateOnly ValidTo) : IRegistryEntity
{
    public bool ValidOn(DateOnly date) => date >= ValidFrom && date <= ValidTo;
}
