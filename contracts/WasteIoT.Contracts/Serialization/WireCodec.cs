using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Serialization;

/// <summary>
/// Decodes and encodes the wire contract. Decoding never throws on bad input: every failure
/// comes back as a <see cref="ContractViolation"/> with one of the documented reasons. That includes what the JSON
/// reader throws other than <see cref="JsonException"/> — an escaped lone surrogate (<c>"\ud800"</c>) in a field that is
/// read throws <see cref="InvalidOperationException"/> — since one message must never stop a connection or a queue.
/// </summary>
public static class WireCodec
{
    public static byte[] Encode(DeviceMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, ContractJsonContext.Default.DeviceMessage);

    public static byte[] Encode<T>(T message, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);

    /// <summary>
    /// Decodes one device-hop message and applies every rule of the contract: size, schema, kind,
    /// required fields, ranges, ids and clock plausibility against <paramref name="now"/>.
    /// </summary>
    public static DecodeResult<DeviceMessage> DecodeDeviceMessage(ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (payload.Length > WireLimits.MaxDevicePayloadBytes)
        {
            return DecodeResult<DeviceMessage>.Fail(ViolationReason.TooLarge, null, $"{payload.Length} bytes > {WireLimits.MaxDevicePayloadBytes}");
        }

        if (Preview(payload) is { } headViolation)
        {
            return DecodeResult<DeviceMessage>.Fail(headViolation);
        }

        DeviceMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(payload, ContractJsonContext.Default.DeviceMessage);
        }
        catch (JsonException ex)
        {
            return DecodeResult<DeviceMessage>.Fail(Classify(ex));
        }
        catch (Exception ex) when (Unreadable(ex))
        {
            return DecodeResult<DeviceMessage>.Fail(ViolationReason.MalformedJson, null, ex.Message);
        }

        if (message is null)
        {
            return DecodeResult<DeviceMessage>.Fail(ViolationReason.MalformedJson, null, "null is not a message");
        }

        var violation = ValidateHeader(message, now) ?? message.ValidateBody();
        return violation is null ? DecodeResult<DeviceMessage>.Ok(message) : DecodeResult<DeviceMessage>.Fail(violation);
    }

    /// <summary>
    /// Decodes a message published on a device uplink topic: everything <see cref="DecodeDeviceMessage"/>
    /// checks, plus that the topic is <c>wiot/v1/dev/{device}/up/{kind}</c> with the payload's device and kind.
    /// </summary>
    public static DecodeResult<DeviceMessage> DecodeDevicePublish(string topic, ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (!Topics.TryParse(topic, out var parts) || !parts.IsDevice || parts.Direction != TopicDirection.Up)
        {
            return DecodeResult<DeviceMessage>.Fail(ViolationReason.TopicMismatch, null, $"'{topic}' is not a device uplink topic");
        }

        var result = DecodeDeviceMessage(payload, now);
        if (!result.IsValid)
        {
            return result;
        }

        var message = result.Value;
        if (!string.Equals(parts.ClientId, message.Device, StringComparison.Ordinal))
        {
            return DecodeResult<DeviceMessage>.Fail(ViolationReason.TopicMismatch, "device", $"topic is for '{parts.ClientId}', payload for '{message.Device}'");
        }

        return string.Equals(parts.Kind, message.Kind, StringComparison.Ordinal)
            ? result
            : DecodeResult<DeviceMessage>.Fail(ViolationReason.TopicMismatch, "kind", $"topic kind '{parts.Kind}', payload kind '{message.Kind}'");
    }

    /// <summary>Decodes a message of one of the non-device kinds (status, config, route, batch, ack…); structural rules only.</summary>
    public static DecodeResult<T> Decode<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, int maxBytes)
        where T : class
    {
        if (payload.Length > maxBytes)
        {
            return DecodeResult<T>.Fail(ViolationReason.TooLarge, null, $"{payload.Length} bytes > {maxBytes}");
        }

        try
        {
            var value = JsonSerializer.Deserialize(payload, typeInfo);
            return value is null
                ? DecodeResult<T>.Fail(ViolationReason.MalformedJson, null, "null is not a message")
                : DecodeResult<T>.Ok(value);
        }
        catch (JsonException ex)
        {
            return DecodeResult<T>.Fail(Classify(ex));
        }
        catch (Exception ex) when (Unreadable(ex))
        {
            return DecodeResult<T>.Fail(ViolationReason.MalformedJson, null, ex.Message);
        }
    }

    /// <summary>Header rules common to every device message.</summary>
    public static ContractViolation? ValidateHeader(DeviceMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Schema != WireLimits.SchemaVersion)
        {
            return new ContractViolation(ViolationReason.UnsupportedSchema, "schema", $"schema {message.Schema} is not supported");
        }

        if (!Check.IsValidId(message.Device))
        {
            return new ContractViolation(ViolationReason.InvalidId, "device", "must be 3..32 of [a-z0-9-]");
        }

        if (message.Boot < 0 || message.Boot > uint.MaxValue)
        {
            return ContractViolation.OutOfRange("boot", message.Boot, 0, uint.MaxValue);
        }

        if (message.Seq < 1 || message.Seq > uint.MaxValue)
        {
            return ContractViolation.OutOfRange("seq", message.Seq, 1, uint.MaxValue);
        }

        if (message.Ts < WireLimits.EarliestPlausibleTime)
        {
            return new ContractViolation(ViolationReason.ClockNotSet, "ts", $"{UtcTimestampConverter.Format(message.Ts)} is before {UtcTimestampConverter.Format(WireLimits.EarliestPlausibleTime)}");
        }

        return message.Ts > now + WireLimits.MaxClockAhead
            ? new ContractViolation(ViolationReason.ClockAhead, "ts", $"{UtcTimestampConverter.Format(message.Ts)} is ahead of the receiver's {UtcTimestampConverter.Format(now)}")
            : null;
    }

    /// <summary>
    /// Reads only the top-level <c>schema</c> and <c>kind</c>, so a message from a newer schema or of an
    /// unknown kind gets that reason rather than whatever field error it would trip first.
    /// </summary>
    private static ContractViolation? Preview(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 8 });
        string? kind = null;
        long? schema = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new ContractViolation(ViolationReason.MalformedJson, null, "a message is a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKind = reader.ValueTextEquals("kind"u8);
                var isSchema = reader.ValueTextEquals("schema"u8);
                reader.Read();
                if (isKind && reader.TokenType == JsonTokenType.String)
                {
                    kind = reader.GetString();
                }
                else if (isSchema && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var s))
                {
                    schema = s;
                }

                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return new ContractViolation(ViolationReason.MalformedJson, null, "trailing data after the message object");
            }
        }
        catch (Exception ex) when (ex is JsonException || Unreadable(ex))
        {
            return new ContractViolation(ViolationReason.MalformedJson, null, ex.Message);
        }

        if (schema is null)
        {
            return ContractViolation.Missing("schema");
        }

        if (schema != WireLimits.SchemaVersion)
        {
            return new ContractViolation(ViolationReason.UnsupportedSchema, "schema", $"schema {schema} is not supported");
        }

        if (kind is null)
        {
            return ContractViolation.Missing("kind");
        }

        return MessageKinds.DeviceUplink.Contains(kind)
            ? null
            : new ContractViolation(ViolationReason.UnknownKind, "kind", $"'{kind}' is not a device message kind");
    }

    /// <summary>What reading text the reader cannot turn into a string or number throws, besides <see cref="JsonException"/>.</summary>
    private static bool Unreadable(Exception ex) => ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or DecoderFallbackException;

    private static ContractViolation Classify(JsonException ex)
    {
        var text = ex.Message;
        if (text.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            var start = text.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('\'', start + 1);
            var field = end > start ? text[(start + 1)..end] : null;
            return new ContractViolation(ViolationReason.MissingField, field, text);
        }

        var path = ex.Path is { Length: > 2 } p ? p[2..] : null;
        return new ContractViolation(ViolationReason.MalformedJson, path, text);
    }
}
