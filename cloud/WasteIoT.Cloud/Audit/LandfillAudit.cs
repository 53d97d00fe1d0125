using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Tonnage;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// A landfill's (or incinerator's) day at its weighbridge: tonnes disposed of (every registered truck's completed
/// visit weighs in what it brought), against the rated daily capacity; visits it could not name are listed beside.
/// </summary>
public sealed record LandfillAudit(string Landfill, string Name, string Contractor, double RatedT, double DisposedT, IReadOnlyList<StationVisit> Visits, IReadOnlyList<StationVisit> Unidentified, int OpenPasses, WindowEvidence Evidence)
{
    public double Utilisation => RatedT <= 0 ? 0 : Math.Round(DisposedT / RatedT, 4);
}
