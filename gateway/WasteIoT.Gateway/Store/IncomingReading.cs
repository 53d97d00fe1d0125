namespace WasteIoT.Gateway.Store;

/// <summary>A validated device message on its way into the store.</summary>
/// <param name="Business">Scans, cover changes, check-ins and disinfections: kept longest when the disk fills.</param>
public sealed record IncomingReading(string Device, long Boot, long Seq, string Kind, long TsMs, long RxMs, byte[] Payload, bool Business);
