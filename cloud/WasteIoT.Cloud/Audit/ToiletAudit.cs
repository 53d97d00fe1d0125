using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Audit;

/// <param name="Odour">The day's air readings (warm-up excluded), for the odour curve.</param>
public sealed record ToiletAudit(string Toilet, string Name, string Contractor, ToiletClass Class, ToiletAuditResult Result, IReadOnlyList<AirRecord> Odour);
