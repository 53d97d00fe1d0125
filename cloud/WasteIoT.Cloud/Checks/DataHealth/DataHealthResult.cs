namespace WasteIoT.Cloud.Checks.DataHealth;

public sealed record DataHealthResult(IReadOnlyList<SequenceGap> Gaps, IReadOnlyList<string> SilentDevices, long Received, long Missing)
{
    /// <summary>Devices asked about that measured nothing registered that day: not expected to report, so never silent.</summary>
    public IReadOnlyList<string> Unassigned { get; init; } = [];
}
