namespace WasteIoT.Gateway.Store;

public enum AppendResult
{
    /// <summary>Committed to disk: the device may now get its PUBACK.</summary>
    Stored,

    /// <summary>Already stored (same device, boot and seq): acknowledge again, store nothing.</summary>
    Duplicate,

    /// <summary>Over the disk quota for this kind of message: no PUBACK, the device keeps it.</summary>
    RefusedQuota,
}
