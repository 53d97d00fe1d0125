namespace WasteIoT.Cloud.Checks.TransferStations;

/// <summary>Boundary odour limits for a transfer station (GB 14554: NH3 1.5, H2S 0.06 mg/m³; configurable).</summary>
public sealed record TransferStationRules
{
    public double Nh3Limit { get; init; } = 1.5;

    public double H2sLimit { get; init; } = 0.06;

    public int RequiredDisinfections { get; init; } = 1;

    /// <summary>Shortest stretch over a limit that is an odour episode.</summary>
    public TimeSpan OdourEpisodeMin { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A silence between readings longer than this ends an episode.</summary>
    public TimeSpan OdourReadingGap { get; init; } = TimeSpan.FromMinutes(15);
}
