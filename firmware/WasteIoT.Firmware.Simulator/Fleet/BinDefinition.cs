namespace WasteIoT.Firmware.Simulator.Fleet;

public sealed record BinDefinition
{
    public required string Device { get; init; }

    public string? Password { get; init; }

    public double Lat { get; init; }

    public double Lon { get; init; }

    public int DepthMm { get; init; } = 1000;

    /// <summary>Fill added per hour at the busiest time of day, fraction.</summary>
    public double FillPerHour { get; init; } = 0.05;

    public double InitialLevel { get; init; } = 0.2;
}
