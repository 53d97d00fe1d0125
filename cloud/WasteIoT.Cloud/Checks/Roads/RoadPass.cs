namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>One run of one vehicle along a segment with the task's equipment on at a working speed, and the share of the segment it covered.</summary>
public sealed record RoadPass(string Vehicle, RoadTask Task, DateTimeOffset Start, DateTimeOffset End, double CoveredShare);
