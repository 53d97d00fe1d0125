namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>A segment's work for one day with its window as instants (the county's <see cref="RoadWork.From"/>–<see cref="RoadWork.To"/> on that date).</summary>
public sealed record PlannedWork(RoadWork Work, DateTimeOffset From, DateTimeOffset To);
