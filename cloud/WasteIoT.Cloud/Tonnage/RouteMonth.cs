namespace WasteIoT.Cloud.Tonnage;

/// <summary>A route's month: tonnes its trucks delivered on the days they served it (a truck's day counts for the route it served that day).</summary>
public sealed record RouteMonth(string Route, string Contractor, IReadOnlyList<string> Trucks, int Days, int Trips, double DeliveredT);
