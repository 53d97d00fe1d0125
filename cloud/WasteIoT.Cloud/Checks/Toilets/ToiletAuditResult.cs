namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>One toilet, one day.</summary>
/// <param name="ShortVisits">Check-outs before the minimum dwell (not cleanings).</param>
/// <param name="UnclosedVisits">Visits the node closed by timeout (no check-out).</param>
/// <param name="LongestGap">Longest stretch of opening hours without a cleaning.</param>
/// <param name="Exceedances">Every reading over a limit in opening hours (the episodes' raw material).</param>
public sealed record ToiletAuditResult(
    string Toilet,
    IReadOnlyList<Cleaning> Cleanings,
    int Required,
    int ShortVisits,
    int UnclosedVisits,
    TimeSpan LongestGap,
    IReadOnlyList<OdourExceedance> Exceedances,
    bool HasAirData)
{
    public int ByAssignedCleaners => Cleanings.Count(c => c.ByAssignedCleaner);

    public bool EnoughCleanings => Cleanings.Count >= Required;

    /// <summary>Stretches over a limit long enough to count (<see cref="ToiletRules.OdourEpisodeMin"/>): what odour is judged on.</summary>
    public IReadOnlyList<OdourEpisode> Episodes { get; init; } = [];
}
