namespace WasteIoT.Gateway.Store;

/// <summary>A stored message not yet acknowledged by the cloud.</summary>
public sealed record OutboxRow(long Id, string Device, long RxMs, byte[] Payload);
