namespace WasteIoT.Cloud.Tonnage;

/// <summary>A collection truck's month at the weighbridges: the days it delivered, the routes it served those days, tonnes, trips and cross-checks.</summary>
public sealed record TruckMonth(string Truck, string Contractor, IReadOnlyList<string> Routes, int Days, int Trips, double DeliveredT, int Unweighed, int Overloads);
