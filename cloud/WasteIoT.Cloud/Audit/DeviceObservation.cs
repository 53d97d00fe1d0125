using WasteIoT.Cloud.Checks.DataHealth;

namespace WasteIoT.Cloud.Audit;

/// <summary>What one device's rows of a day add to data health: messages received, when last heard, gaps in its numbering.</summary>
internal sealed record DeviceObservation(string Device, long Received, DateTimeOffset? LastSeen, IReadOnlyList<SequenceGap> Gaps);
