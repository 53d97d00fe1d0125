namespace WasteIoT.Cloud.Checks.DataHealth;

/// <summary>Messages a device numbered but the cloud never received: <c>From..To</c> of boot <see cref="Boot"/>.</summary>
public sealed record SequenceGap(string Device, long Boot, long From, long To)
{
    public long Missing => To - From + 1;
}
