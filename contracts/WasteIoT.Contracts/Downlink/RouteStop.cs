namespace WasteIoT.Contracts.Downlink;

/// <summary>One household on a route, in service order.</summary>
public sealed record RouteStop(string Household, string Tag, double Lat, double Lon);
