namespace WasteIoT.Cloud.Audit;

/// <summary>A collection truck's closed day at the weighbridges as kept: the route it served, tonnes and trips delivered, stops unweighed, loads over its rating.</summary>
public sealed record TruckDayTonnes(DateOnly Day, string Truck, string Contractor, string? Route, double DeliveredT, int Trips, int Unweighed, int Overloads);
