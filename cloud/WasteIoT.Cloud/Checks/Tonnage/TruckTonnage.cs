namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>
/// A collection truck's day at the weighbridges: tonnes delivered and trips, the route it served, visits it stood at a
/// weighed station without being weighed, and weighings over its rated load.
/// </summary>
public sealed record TruckTonnage(string Truck, string Contractor, string? Route, double DeliveredT, int Trips, IReadOnlyList<StationStop> Unweighed, IReadOnlyList<StationVisit> Overloads);
