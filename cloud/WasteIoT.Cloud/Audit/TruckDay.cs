using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

/// <summary>What a route's coverage needs of its truck's day: the scans and when the truck was heard.</summary>
internal sealed record TruckDay(List<ScanRecord> Scans, List<DeviceEvidence> Evidence);
