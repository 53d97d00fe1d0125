namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>A fleet file: where the devices are, how the world behaves, which faults to inject.</summary>
public sealed record FleetDefinition
{
    /// <summary>Every random choice derives from this: the same file and seed give the same day.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Simulated start, with the county's offset (e.g. 2026-11-27T05:00:00+08:00).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 27, 5, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Simulated duration.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(18);

    public BrokerEndpoint Broker { get; init; } = new();

    public IReadOnlyList<BinDefinition> Bins { get; init; } = [];

    public IReadOnlyList<SiteDefinition> Sites { get; init; } = [];

    public IReadOnlyList<TruckDefinition> Trucks { get; init; } = [];

    public IReadOnlyList<FaultDefinition> Faults { get; init; } = [];

    /// <summary>The county's road-cleaning plan, for the work vehicles among <see cref="Trucks"/>.</summary>
    public IReadOnlyList<RoadDefinition> Roads { get; init; } = [];
}
