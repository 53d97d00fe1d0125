using System.Runtime.InteropServices;
using System.Text.Json;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Uplink;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Cloud.Ingest;

/// <summary>
/// Judges one gateway batch record by record: a record is stored if it is a valid device message of a device
/// assigned to that gateway, otherwise quarantined with its reason. One bad record never sinks its batch.
/// </summary>
public sealed class BatchProcessor(GatewayRegistry registry, TimeProvider time)
{
    public (List<StoredReading> Good, List<QuarantinedRecord> Bad, List<RejectedRecord> Rejected, UplinkBatch? Batch, ContractViolation? Violation) Judge(string gateway, ReadOnlySpan<byte> payload)
    {
        var good = new List<StoredReading>();
        var bad = new List<QuarantinedRecord>();
        var rejected = new List<RejectedRecord>();
        var decoded = WireCodec.Decode(payload, ContractJsonContext.Default.UplinkBatch, WireLimits.MaxBatchBytes);
        if (!decoded.IsValid)
        {
            return (good, bad, rejected, null, decoded.Violation);
        }

        var batch = decoded.Value;
        if (batch.Validate() is { } envelope)
        {
            return (good, bad, rejected, batch, envelope);
        }

        if (!string.Equals(batch.Gateway, gateway, StringComparison.Ordinal))
        {
            return (good, bad, rejected, batch, new ContractViolation(ViolationReason.TopicMismatch, "gateway", $"'{gateway}' sent a batch naming '{batch.Gateway}'"));
        }

        var now = time.GetUtcNow();
        for (var i = 0; i < batch.Records.Count; i++)
        {
            var record = batch.Records[i];

            // The device's bytes as the gateway forwarded them: judged and stored as they are, never re-serialized
            // (re-encoding an escaped lone surrogate throws, and would change what the next reader judges).
            var json = JsonMarshal.GetRawUtf8Value(record.Msg).ToArray();
            var result = WireCodec.DecodeDeviceMessage(json, now);
            ContractViolation? violation = result.Violation;
            if (result.IsValid && !registry.IsAssigned(gateway, result.Value.Device))
            {
                violation = new ContractViolation(ViolationReason.UnassignedDevice, "device", $"'{result.Value.Device}' is not assigned to '{gateway}'");
            }

            if (violation is null && result.Value is { } message)
            {
                good.Add(new StoredReading(message.Device, message.Boot, message.Seq, message.Kind, message.Ts, record.Rx, gateway, json));
                continue;
            }

            bad.Add(new QuarantinedRecord(gateway, batch.Batch, i, violation!.Reason, violation.ToString(), json));
            rejected.Add(new RejectedRecord(i, violation.Reason, violation.Detail)
            {
                Device = result.Value?.Device ?? TryGetString(record.Msg, "device"),
                Boot = result.Value?.Boot,
                Seq = result.Value?.Seq,
            });
        }

        return (good, bad, rejected, batch, null);
    }

    private static string? TryGetString(JsonElement element, string name)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: the record is already being rejected, without a device to name.
            return null;
        }
    }
}
