using System.Text.Json;

namespace WasteIoT.Contracts.Uplink;

/// <summary>
/// One device message inside a gateway batch. <see cref="Msg"/> is the device's JSON as the gateway
/// received it, so the cloud judges each record on its own: one bad record cannot sink its batch.
/// </summary>
/// <param name="Rx">When the gateway committed it (UTC).</param>
/// <param name="Msg">The device message object.</param>
public sealed record BatchRecord(DateTimeOffset Rx, JsonElement Msg);
