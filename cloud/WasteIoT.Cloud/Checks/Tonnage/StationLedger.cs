namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>
/// A transfer station's day in tonnes: carried over from the day before, delivered (collection trucks), hauled out
/// (transfer trucks), left at day end, and against the rated throughput. What could not go into the ledger is listed
/// beside it: visits by vehicles the registry does not know, passes whose second never came, unsettled readings.
/// </summary>
public sealed record StationLedger(
    double CarriedT,
    double InT,
    double OutT,
    double ResidualT,
    double RatedT,
    double ToleranceT,
    IReadOnlyList<StationVisit> Visits,
    IReadOnlyList<StationVisit> Unidentified,
    int OpenPasses,
    int Unstable)
{
    public double Utilisation => RatedT <= 0 ? 0 : Math.Round(InT / RatedT, 4);

    /// <summary>日产日清: what came in has left, to within the tolerance.</summary>
    public bool Cleared => ResidualT <= ToleranceT;

    /// <summary>Whether the ledger is complete: nothing unidentified or left open could change its residual.</summary>
    public bool Complete => Unidentified.Count == 0 && OpenPasses == 0;
}
