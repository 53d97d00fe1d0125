namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>At least <paramref name="Passes"/> passes of <paramref name="Task"/> over the segment between <paramref name="From"/> and <paramref name="To"/> (county time) each day.</summary>
public sealed record RoadWork(RoadTask Task, int Passes, TimeOnly From, TimeOnly To);
