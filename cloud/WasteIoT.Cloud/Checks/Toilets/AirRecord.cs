namespace WasteIoT.Cloud.Checks.Toilets;

public sealed record AirRecord(DateTimeOffset Ts, double? Nh3, double? H2s, bool WarmingUp)
{
    /// <summary>The NH3 cell's resolution as the node stated it, mg/m³.</summary>
    public double? Nh3Resolution { get; init; }

    /// <summary>The H2S cell's resolution as the node stated it, mg/m³.</summary>
    public double? H2sResolution { get; init; }
}
