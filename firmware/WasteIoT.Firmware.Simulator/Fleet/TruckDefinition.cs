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

    /// <summary>
    /// The equipment on the node's work input (a WorkEquipment name): a sweeper's "brush", a sprinkler's "pump" or a
    /// fog cannon's "cannon" run while it drives; a muck truck's "tipper" is raised at the stops marked to tip; null on a
    /// collection truck.
    /// </summary>
    public string? Equipment { get; init; }

    /// <summary>What the registry calls it: collection (serves households), sweeper, sprinkler, fogCannon or muck (its stops are sites, not households).</summary>
    public string Vehicle { get; init; } = "collection";

    /// <summary>The IC card its driver swipes at weighbridges; null when it has none.</summary>
    public string? Card { get; init; }

    /// <summary>A muck truck's permit as the county issued it; null for any other vehicle, or a muck truck without one.</summary>
    public MuckPermitDefinition? Permit { get; init; }
}
