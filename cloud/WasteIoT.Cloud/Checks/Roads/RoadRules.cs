namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>When a work vehicle's fixes count as work done on a road segment.</summary>
public sealed record RoadRules
{
    /// <summary>How far from the centre line a fix may be and still be on the segment (a carriageway's half width plus GNSS error).</summary>
    public double LateralToleranceM { get; init; } = 15;

    /// <summary>Below this the vehicle is standing, not working along the road.</summary>
    public double MinSpeedKmh { get; init; } = 3;

    /// <summary>Mechanical sweeping is done at walking-to-cycling pace; faster, the brushes skim.</summary>
    public double MaxSweepKmh { get; init; } = 20;

    public double MaxSprinkleKmh { get; init; } = 30;

    public double MaxFogKmh { get; init; } = 25;

    /// <summary>Share of the segment's length one pass must cover to count as a pass.</summary>
    public double PassShare { get; init; } = 0.8;

    /// <summary>Consecutive fixes further apart than this do not join up (a dead zone): nothing between them is counted.</summary>
    public TimeSpan MaxFixGap { get; init; } = TimeSpan.FromSeconds(30);

    public double MaxSpeedKmh(RoadTask task) => task switch
    {
        RoadTask.Sweep => MaxSweepKmh,
        RoadTask.Sprinkle => MaxSprinkleKmh,
        _ => MaxFogKmh,
    };
}
