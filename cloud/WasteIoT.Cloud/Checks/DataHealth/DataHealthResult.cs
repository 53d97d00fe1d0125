namespace WasteIoT.Cloud.Checks.DataHealth;

public sealed record DataHealthResult(IReadOnlyList<SequenceGap> Gaps, IReadOnlyList<string> SilentDevices, long Received, long Missing);
