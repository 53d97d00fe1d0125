namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>
/// One planned task on one segment for a day: the passes required and done inside its window (by any of the
/// contractor's vehicles), the share of the segment covered there, and what did not count in the window — fixes on
/// the segment with the equipment on but too fast, fixes on the segment at a working speed with the equipment off.
/// </summary>
public sealed record RoadWorkResult(
    RoadTask Task,
    TimeOnly From,
    TimeOnly To,
    int Required,
    int Done,
    double CoveredShare,
    IReadOnlyList<RoadPass> Passes,
    int TooFastFixes,
    int EquipmentOffFixes)
{
    public bool Met => Done >= Required;
}
