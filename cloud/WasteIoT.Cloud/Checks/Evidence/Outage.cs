namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>A stretch in which a device, already in service, cannot vouch for what happened.</summary>
public sealed record Outage(string Device, DateTimeOffset From, DateTimeOffset To, OutageReason Reason)
{
    public TimeSpan Length => To - From;
}
