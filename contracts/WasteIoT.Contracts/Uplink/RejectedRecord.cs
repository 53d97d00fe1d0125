namespace WasteIoT.Contracts.Uplink;

/// <summary>A batch record the cloud quarantined, by its position in the batch and, where readable, its key.</summary>
public sealed record RejectedRecord(int Index, string Reason, string Detail)
{
    public string? Device { get; init; }

    public long? Boot { get; init; }

    public long? Seq { get; init; }
}
