namespace WasteIoT.Cloud.Checks.Coverage;

public sealed record CoverageRules
{
    /// <summary>A scan counts only within this distance of the household, m.</summary>
    public double MaxDistanceM { get; init; } = 50;
}
