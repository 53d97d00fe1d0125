namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>One vehicle's fixes for the day, with the state of the equipment that does <paramref name="Task"/>; it works only its contractor's segments.</summary>
public sealed record WorkTrack(string Vehicle, string Contractor, RoadTask Task, IReadOnlyList<WorkFix> Fixes);
