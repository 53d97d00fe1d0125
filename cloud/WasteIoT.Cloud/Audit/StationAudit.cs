using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Tonnage;
using WasteIoT.Cloud.Checks.TransferStations;

namespace WasteIoT.Cloud.Audit;

/// <summary>A transfer station's day: odour and disinfection over its opening hours, 日产日清 of its containers and, for a weighed station, in tonnes.</summary>
public sealed record StationAudit(
    string Station, string Name, string Contractor, TransferStationResult Result, IReadOnlyList<BinAudit> Containers, VerdictState Disinfection, VerdictState OdourState, WindowEvidence Evidence)
{
    /// <summary>The weighbridge's ledger of the day; null for a station not weighed (no rated throughput registered).</summary>
    public StationLedger? Ledger { get; init; }

    /// <summary>日产日清 in tonnes: cleared, proven not cleared (a shortfall), or not proven.</summary>
    public VerdictState? LedgerState { get; init; }
}
