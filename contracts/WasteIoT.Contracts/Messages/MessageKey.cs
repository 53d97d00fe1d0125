namespace WasteIoT.Contracts.Messages;

/// <summary>The idempotency key of a device message in every tier.</summary>
public readonly record struct MessageKey(string Device, long Boot, long Seq)
{
    public override string ToString() => $"{Device}/{Boot}/{Seq}";
}
