using WasteIoT.Cloud.Checks;
using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// A stretch of road in the county's cleaning plan: its centre line, its class, the contractor who cleans it and the
/// work it needs each day (e.g. sweeping 05:00–07:00 and 14:00–16:00, sprinkling three times in the day).
/// </summary>
public sealed record RoadSegment(string Id, string Name, string Contractor, RoadClass Class, IReadOnlyList<RoadPoint> Path, IReadOnlyList<RoadWork> Work) : IRegistryEntity
{
    /// <summary>The centre line's length: what the county's 机扫率 weighs each segment by.</summary>
    public double LengthM => Path.Zip(Path.Skip(1), (a, b) => Geo.DistanceM(a.Lat, a.Lon, b.Lat, b.Lon)).Sum();
}
