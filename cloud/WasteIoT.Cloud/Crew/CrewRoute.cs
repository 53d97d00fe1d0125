namespace WasteIoT.Cloud.Crew;

/// <summary>A route due on the day with its stops in order: what is served, what is left.</summary>
public sealed record CrewRoute(string Route, string Name, string Truck, int Served, int Scheduled, IReadOnlyList<CrewStop> Stops)
{
    public int Left => Stops.Count(s => s.State != "served");
}
