namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>A reading above the toilet's limit for <see cref="Gas"/> ("nh3" or "sh2").</summary>
public sealed record OdourExceedance(DateTimeOffset Ts, string Gas, double Value, double Limit);
