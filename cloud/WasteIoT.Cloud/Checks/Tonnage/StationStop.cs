namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>A truck standing at a weighed station (within its radius for at least the rule's minimum), from its fixes.</summary>
public sealed record StationStop(string Truck, string Station, DateTimeOffset From, DateTimeOffset To);
