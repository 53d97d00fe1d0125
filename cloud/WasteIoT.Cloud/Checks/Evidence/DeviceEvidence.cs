namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>
/// When one device is known to have been alive and reporting over a range of time.
/// </summary>
/// <param name="InService">Its first message ever, when that falls after the range's start: before it there is nothing to judge.</param>
/// <param name="Heard">Spans vouched for by consecutive messages no further apart than the cadence allows, with nothing lost between.</param>
/// <param name="Outages">Spans after it came into service that no message vouches for.</param>
/// <param name="Dropped">Readings its flash log evicted in the range, as its heartbeats count them.</param>
public sealed record DeviceEvidence(string Device, DateTimeOffset? InService, IReadOnlyList<EvidenceSpan> Heard, IReadOnlyList<Outage> Outages, long Dropped, DateTimeOffset? LastHeard)
{
    public bool NeverHeard => LastHeard is null && Heard.Count == 0;

    /// <summary>When the device measured the thing in question (null: throughout); outside it, it is not asked to be heard.</summary>
    public IReadOnlyList<EvidenceSpan>? Assigned { get; init; }
}
