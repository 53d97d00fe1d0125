namespace WasteIoT.Cloud.Checks.Coverage;

/// <summary>A pickup scan as stored: the truck's fix at the moment of the scan, when it had one.</summary>
public sealed record ScanRecord(string Tag, DateTimeOffset Ts, double? Lat, double? Lon);
