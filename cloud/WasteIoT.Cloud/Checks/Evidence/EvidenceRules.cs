namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>
/// How often each kind of node is heard from when it is alive, and how much of a verdict's window must be heard
/// for the verdict to stand. Cadences default to the firmware's own defaults (TruckNode: heartbeat every 300 s and
/// a fix every 30 s parked; SiteNode: air published every 300 s; BinNode: published at least every 3,600 s).
/// </summary>
public sealed record EvidenceRules
{
    public TimeSpan TruckCadence { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan SiteCadence { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan BinCadence { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan PondCadence { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Silence longer than the cadence times (1 + this) is an outage: a late wake-up or a retried publish is not.
    /// </summary>
    public double Tolerance { get; init; } = 1.0;

    /// <summary>A verdict about what a window lacked stands only when at least this share of the window was heard.</summary>
    public double MinCoverage { get; init; } = 0.95;

    public TimeSpan MaxSilence(TimeSpan cadence) => cadence * (1 + Tolerance);
}
