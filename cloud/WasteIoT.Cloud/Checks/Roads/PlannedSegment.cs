namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>A segment as the day's check sees it: its centre line, its contractor and its work with windows.</summary>
public sealed record PlannedSegment(string Id, string Contractor, IReadOnlyList<RoadPoint> Path, IReadOnlyList<PlannedWork> Work);
