namespace WasteIoT.Gateway.Store;

/// <summary>A refused message kept for inspection.</summary>
public sealed record QuarantineEntry(long RxMs, string Client, string Topic, string Reason, string Detail, byte[] Payload);
