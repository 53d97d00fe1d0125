namespace WasteIoT.Firmware.Simulator.Fleet;

public sealed record SiteDefinition
{
    public required string Device { get; init; }

    public string? Password { get; init; }

    /// <summary>"toilet", "transferStation", or "scale" (a scale-house node of the transfer station named in <see cref="Station"/>).</summary>
    public string Kind { get; init; } = "toilet";

    public double Lat { get; init; }

    public double Lon { get; init; }

    /// <summary>The assigned cleaner's badge (定人管理).</summary>
    public string Cleaner { get; init; } = "04A2B9C1";

    public int CleaningsPerDay { get; init; } = 6;

    public TimeOnly OpenFrom { get; init; } = new(6, 0);

    public TimeOnly OpenTo { get; init; } = new(22, 0);

    public double VisitorsPerHour { get; init; } = 20;

    /// <summary>A leachate pond level sensor at this site: gauge zero distance, mm (0: none).</summary>
    public int PondGaugeZeroMm { get; init; }

    /// <summary>Pond stage at the start, m, and its rise per hour.</summary>
    public double PondLevelM { get; init; }

    public double PondRisePerHourM { get; init; }

    /// <summary>A scale-house node's station (its device id) and that station's rated throughput, t/day.</summary>
    public string? Station { get; init; }

    public double RatedTonnes { get; init; } = 50;

    /// <summary>The day's vehicles over the weighbridge, for a scale-house node.</summary>
    public IReadOnlyList<WeighbridgeVisit> Weighings { get; init; } = [];
}
