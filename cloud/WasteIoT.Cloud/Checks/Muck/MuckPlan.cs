using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>
/// What a muck truck's permit allows on one day: sites of origin and disposal, the approved routes (none: any road)
/// and the approved hours as instants (a night permit 22:00–05:00 is two spans of the local day).
/// </summary>
public sealed record MuckPlan(string Permit, IReadOnlyList<Geofence> Origins, IReadOnlyList<Geofence> Disposals, IReadOnlyList<IReadOnlyList<RoadPoint>> Routes, IReadOnlyList<MuckHours> Hours);
