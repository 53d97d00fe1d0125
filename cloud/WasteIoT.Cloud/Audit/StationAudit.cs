using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.TransferStations;

namespace WasteIoT.Cloud.Audit;

/// <summary>A transfer station's day: odour and disinfection over its opening hours, and 日产日清 of its containers.</summary>
public sealed record StationAudit(
    string Station, string Name, string Contractor, TransferStationResult Result, IReadOnlyList<BinAudit> Containers, VerdictState Disinfection, VerdictState OdourState, WindowEvidence Evidence);
