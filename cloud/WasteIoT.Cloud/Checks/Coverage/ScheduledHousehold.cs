namespace WasteIoT.Cloud.Checks.Coverage;

/// <summary>A household due for collection today on the route, with its door's position and tag.</summary>
public sealed record ScheduledHousehold(string Household, string Tag, double Lat, double Lon);
