namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>A position near a segment: how far from its centre line, and how far along it the nearest point lies.</summary>
public readonly record struct RoadMatch(int Segment, double Across, double Chainage);
