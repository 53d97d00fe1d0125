namespace WasteIoT.Cloud.Checks.Ponds;

/// <summary>One effluent reading of the treatment unit, mg/L (either may be missing: the plant reports what it measured).</summary>
public sealed record EffluentSample(DateTimeOffset Ts, double? Cod, double? Nh3n);
