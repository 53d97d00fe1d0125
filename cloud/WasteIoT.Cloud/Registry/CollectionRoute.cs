namespace WasteIoT.Cloud.Registry;

/// <summary>A door-to-door route: the truck that serves it, its service days and hours, and its households in order.</summary>
public sealed record CollectionRoute(string Id, string Name, string Contractor, string Truck, IReadOnlyList<DayOfWeek> ServiceDays, IReadOnlyList<string> Households) : IRegistryEntity
{
    public static readonly TimeOnly DefaultStarts = new(6, 0);
    public static readonly TimeOnly DefaultEnds = new(18, 0);

    /// <summary>Service hours, local: the window in which the truck's node must be heard for a household to count as missed.</summary>
    public TimeOnly Starts { get; init; } = DefaultStarts;

    public TimeOnly Ends { get; init; } = DefaultEnds;

    public bool ServesOn(DateOnly day) => ServiceDays.Contains(day.DayOfWeek);
}
