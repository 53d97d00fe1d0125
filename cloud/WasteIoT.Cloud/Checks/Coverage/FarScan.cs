namespace WasteIoT.Cloud.Checks.Coverage;

/// <summary>A scan made too far from its household's door: the tag was probably carried to the truck (in a bag).</summary>
public sealed record FarScan(string Household, string Tag, DateTimeOffset Ts, double DistanceM);
