namespace WasteIoT.Cloud.Checks.Clearance;

/// <summary>A fill reading as stored: the level (0..1) when the echo was good, null otherwise.</summary>
public sealed record LevelSample(DateTimeOffset Ts, double? Level);
