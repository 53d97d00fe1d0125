namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>A weighed station's position, for finding the trucks that stood at it.</summary>
public sealed record StationPlace(string Station, double Lat, double Lon);
