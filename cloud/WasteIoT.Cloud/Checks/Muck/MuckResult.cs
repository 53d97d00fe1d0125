namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>A muck truck's day against its permit; with no permit valid that day every stretch of driving is <see cref="Unpermitted"/>.</summary>
public sealed record MuckResult(
    string? Permit,
    IReadOnlyList<MuckRun> Unpermitted,
    IReadOnlyList<MuckRun> OffRoute,
    IReadOnlyList<MuckRun> OffHours,
    IReadOnlyList<SuspectedDumping> Dumping,
    int TipsAtDisposalSites,
    double DrivenKm)
{
    /// <summary>Whether anything measured goes against the permit (an unlocated raise is not).</summary>
    public bool Violated => Unpermitted.Count > 0 || OffRoute.Count > 0 || OffHours.Count > 0 || Dumping.Any(d => d.Located);
}
