using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Ponds;

namespace WasteIoT.Cloud.Audit;

public sealed record PondAudit(string Pond, string Name, string Contractor, double AlarmVolumeM3, PondResult Result, VerdictState State, WindowEvidence Evidence);
