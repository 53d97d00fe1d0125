namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>
/// A fault to inject. <see cref="Type"/>: coverOpenWhileDriving (after stop <see cref="AfterStop"/>),
/// skipHousehold (<see cref="Household"/>), binNotTipped (the crew serves <see cref="Household"/> but leaves its bin full),
/// cleaningsOnly (<see cref="Count"/> a day), sensorDropout,
/// reboot (at <see cref="From"/>), deadZone (no radio <see cref="From"/>..<see cref="To"/>), powerOff (the node unpowered
/// <see cref="From"/>..<see cref="To"/>, or for a truck from leaving stop <see cref="AfterStop"/>; a <see cref="To"/> of
/// 00:00 means for the rest of the run; it boots afresh when power returns, while the world goes on without it).
/// </summary>
public sealed record FaultDefinition
{
    public required string Type { get; init; }

    public required string Device { get; init; }

    public int AfterStop { get; init; }

    public string? Household { get; init; }

    public int Count { get; init; }

    /// <summary>Local time of day.</summary>
    public TimeOnly From { get; init; }

    public TimeOnly To { get; init; }
}
