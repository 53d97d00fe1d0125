namespace WasteIoT.Firmware.Simulator.Fleet;

public sealed record TruckDefinition
{
    public required string Device { get; init; }

    public string? Password { get; init; }

    public double DepotLat { get; init; }

    public double DepotLon { get; init; }

    public TimeOnly DepartAt { get; init; } = new(6, 30);

    public double SpeedKmh { get; init; } = 25;

    public int StopSeconds { get; init; } = 30;

    public IReadOnlyList<HouseholdStop> Households { get; init; } = [];

    /// <summary>A work vehicle's equipment on the node's work input (a WorkEquipment name, e.g. "brush"), running while it drives; null on a collection truck.</summary>
    public string? Equipment { get; init; }
}
