using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// One planned task on a segment: what the check found, what it proves, and the evidence — every vehicle that could
/// have done the work, heard together over the window (one of them silent might have done it unheard).
/// </summary>
public sealed record RoadWorkAudit(RoadWorkResult Result, VerdictState State, WindowEvidence Evidence, IReadOnlyList<string> Vehicles);
