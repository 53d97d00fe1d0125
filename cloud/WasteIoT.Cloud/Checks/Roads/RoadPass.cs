namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>One run along a segment with the equipment on at a working speed, and the share of the segment it covered.</summary>
public sealed record RoadPass(DateTimeOffset Start, DateTimeOffset End, double CoveredShare);
