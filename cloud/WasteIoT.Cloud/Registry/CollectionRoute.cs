namespace WasteIoT.Cloud.Registry;

/// <summary>A door-to-door route: the truck that serves it, its service days and its households in order.</summary>
public sealed record CollectionRoute(string Id, string Name, string Contractor, string Truck, IReadOnlyList<DayOfWeek> ServiceDays, IReadOnlyList<string> Households) : IRegistryEntity
{
    public bool ServesOn(DateOnly day) => ServiceDays.Contains(day.DayOfWeek);
}
