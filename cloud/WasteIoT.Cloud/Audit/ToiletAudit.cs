using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Audit;

/// <param name="Odour">The day's air readings (warm-up excluded), for the odour curve.</param>
/// <param name="Evidence">How much of the opening hours the toilet's nodes were heard.</param>
public sealed record ToiletAudit(
    string Toilet, string Name, string Contractor, ToiletClass Class, ToiletAuditResult Result, IReadOnlyList<AirRecord> Odour, VerdictState Cleaning, VerdictState OdourState, WindowEvidence Evidence);
