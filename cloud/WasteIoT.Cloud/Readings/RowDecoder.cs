using System.Text.Json;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Cloud.Readings;

/// <summary>Decodes one stored row's bytes: fixes and fill readings on their fast paths, the rest by the contract's deserializer.</summary>
public static class RowDecoder
{
    /// <param name="device">The row's device name, shared by the messages that name it instead of a copy per message.</param>
    public static DeviceMessage? Decode(string kind, ReadOnlySpan<byte> json, string device)
    {
        if (kind == MessageKinds.Position && PositionReader.TryRead(json, out var position))
        {
            return position;
        }

        if (kind == MessageKinds.Fill && FillReader.TryRead(json, device, out var fill))
        {
            return fill;
        }

        // Stored rows passed validation at ingest; read them back without judging them again.
        return JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceMessage) is { } message
            ? message.Device == device ? message with { Device = device } : message
            : null;
    }
}
