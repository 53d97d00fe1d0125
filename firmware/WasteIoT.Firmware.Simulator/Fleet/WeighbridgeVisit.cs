namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>
/// A vehicle over a scale house's weighbridge: its card swiped, the first pass at <see cref="At"/>, the second eight
/// minutes later; a delivery comes in loaded and leaves empty, a haul the other way round.
/// </summary>
public sealed record WeighbridgeVisit
{
    public required string Card { get; init; }

    public TimeOnly At { get; init; }

    public int LoadedKg { get; init; }

    public int EmptyKg { get; init; }

    public bool Delivering { get; init; } = true;
}
