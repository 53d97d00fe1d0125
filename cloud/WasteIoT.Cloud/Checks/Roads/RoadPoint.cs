namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>A vertex of a road segment's centre line (WGS-84).</summary>
public sealed record RoadPoint(double Lat, double Lon);
