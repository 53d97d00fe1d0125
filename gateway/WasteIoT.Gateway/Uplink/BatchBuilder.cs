using System.Text.Json;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Uplink;

/// <summary>
/// Writes an uplink batch (docs/protocol.md §5) straight from stored rows: each device message goes in
/// verbatim, as the gateway received and validated it, so the cloud judges exactly what the device sent.
/// </summary>
public static class BatchBuilder
{
    /// <summary>Bytes of envelope around the records, kept free under the batch limit.</summary>
    private const int EnvelopeBytes = 256;

    /// <summary>Takes rows from the front of <paramref name="rows"/> until the record or byte limit.</summary>
    /// <returns>The batch JSON and how many rows it holds.</returns>
    public static (byte[] Json, int Count) Build(string gateway, IReadOnlyList<OutboxRow> rows, DateTimeOffset sent, int maxRecords)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var count = 0;
        var bytes = EnvelopeBytes;
        while (count < rows.Count && count < maxRecords && bytes + rows[count].Payload.Length + 48 <= WireLimits.MaxBatchBytes)
        {
            bytes += rows[count].Payload.Length + 48;
            count++;
        }

        using var buffer = new MemoryStream(bytes);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", MessageKinds.Batch);
            json.WriteNumber("schema", WireLimits.SchemaVersion);
            json.WriteString("gateway", gateway);
            json.WriteNumber("batch", count > 0 ? rows[0].Id : 0);
            json.WriteString("sent", UtcTimestampConverter.Format(sent));
            json.WriteStartArray("records");
            for (var i = 0; i < count; i++)
            {
                json.WriteStartObject();
                json.WriteString("rx", UtcTimestampConverter.Format(DateTimeOffset.FromUnixTimeMilliseconds(rows[i].RxMs)));
                json.WritePropertyName("msg");
                json.WriteRawValue(rows[i].Payload, skipInputValidation: true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return (buffer.ToArray(), count);
    }
}
