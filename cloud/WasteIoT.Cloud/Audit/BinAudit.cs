using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

public sealed record BinAudit(string Bin, string Contractor, string Site, double Lat, double Lon, ClearanceResult Clearance, double? LatestLevel, VerdictState State, WindowEvidence Evidence);
