namespace WasteIoT.Cloud.Checks.Clearance;

/// <summary>日产日清 thresholds.</summary>
public sealed record ClearanceRules
{
    /// <summary>A fall of at least this much from at least <see cref="EmptyingMinLevel"/> is an emptying.</summary>
    public double EmptyingDrop { get; init; } = 0.25;

    public double EmptyingMinLevel { get; init; } = 0.3;

    /// <summary>At the end of the day the bin must be below this level.</summary>
    public double OvernightThreshold { get; init; } = 0.8;
}
