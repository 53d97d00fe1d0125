namespace WasteIoT.Cloud.Checks.Clearance;

/// <summary>One bin (or container), one day.</summary>
public sealed record ClearanceResult(string Container, ClearanceVerdict Verdict, IReadOnlyList<DateTimeOffset> Emptied, double? MaxLevel, double? EndLevel, int Readings);
