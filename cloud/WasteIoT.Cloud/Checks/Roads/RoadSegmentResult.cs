namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>A segment's day: each planned task's result in its window, and the passes that fell in none of their task's windows.</summary>
public sealed record RoadSegmentResult(string Segment, double LengthM, IReadOnlyList<RoadWorkResult> Work, IReadOnlyList<RoadPass> OutsideWindows);
