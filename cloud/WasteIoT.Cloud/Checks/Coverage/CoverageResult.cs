namespace WasteIoT.Cloud.Checks.Coverage;

/// <summary>不漏户 for one route and day.</summary>
/// <param name="Served">Households with at least one scan at their door.</param>
/// <param name="Missed">Households with no counted scan while the truck's node was heard, in route order: where the crew goes back.</param>
/// <param name="FarScans">Scans too far from the door (not counted).</param>
/// <param name="UnplacedScans">Scans without a fix (not counted: the place cannot be verified).</param>
/// <param name="NotOnRoute">Tags scanned that are not on this route.</param>
/// <param name="Duplicates">Repeat scans of a household already served.</param>
public sealed record CoverageResult(
    int Scheduled,
    int Served,
    IReadOnlyList<ScheduledHousehold> Missed,
    IReadOnlyList<FarScan> FarScans,
    IReadOnlyList<ScanRecord> UnplacedScans,
    IReadOnlyList<string> NotOnRoute,
    int Duplicates)
{
    /// <summary>Households with no counted scan over a stretch the node was not heard: neither served nor missed.</summary>
    public IReadOnlyList<ScheduledHousehold> Unverified { get; init; } = [];

    /// <summary>Served share of the households whose service is proven either way.</summary>
    public double CoverageRatio => Served + Missed.Count == 0 ? 1 : (double)Served / (Served + Missed.Count);
}
