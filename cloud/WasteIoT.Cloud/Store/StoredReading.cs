namespace WasteIoT.Cloud.Store;

/// <summary>A device message accepted by the cloud, as it is stored.</summary>
/// <param name="Json">The device's message, verbatim.</param>
public sealed record StoredReading(string Device, long Boot, long Seq, string Kind, DateTimeOffset Ts, DateTimeOffset GatewayRx, string Gateway, byte[] Json);
