namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>
/// A muck truck's permit in a fleet file, written as the registry takes it: sites as <c>[lat, lon, radiusM]</c>,
/// routes as lists of <c>[lat, lon]</c>, hours as <c>HH:mm-HH:mm</c> (overnight when the end is not after the start).
/// </summary>
public sealed record MuckPermitDefinition
{
    public required string Id { get; init; }

    public IReadOnlyList<IReadOnlyList<double>> Origins { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<double>> Disposals { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> Routes { get; init; } = [];

    public IReadOnlyList<string> Hours { get; init; } = [];

    /// <summary>A simulated day may fall on any date (the golden day runs two days back): valid for this century unless given.</summary>
    public DateOnly ValidFrom { get; init; } = new(2000, 1, 1);

    public DateOnly ValidTo { get; init; } = new(2099, 12, 31);
}
