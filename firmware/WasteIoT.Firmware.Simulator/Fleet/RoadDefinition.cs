namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>A road segment of the cleaning plan in a fleet file: its centre line as <c>[lat, lon]</c> points and its daily work as the registry writes it (<c>sweep*2@05:30-09:00</c>).</summary>
public sealed record RoadDefinition
{
    public required string Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Class { get; init; } = "main";

    public IReadOnlyList<IReadOnlyList<double>> Path { get; init; } = [];

    public IReadOnlyList<string> Work { get; init; } = [];
}
