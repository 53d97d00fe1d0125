using System.Text.Json;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Readings;

/// <summary>
/// Reads a stored position without the general polymorphic deserializer: a county's day is millions of fixes and
/// the general path costs more than the database read. Any field it does not know, or any surprise, sends the row
/// back to the general path, so the result is always what the contract's deserializer would give (tested on both).
/// </summary>
public static class PositionReader
{
    public static bool TryRead(ReadOnlySpan<byte> json, out TruckPosition? position)
    {
        position = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? device = null;
        long? boot = null, seq = null;
        DateTimeOffset? ts = null;
        double? lat = null, lon = null, speed = null, heading = null, hdop = null;
        int? sats = null, fix = null, schema = null;
        var isPosition = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            var name = reader.ValueSpan;
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                if (!(name.SequenceEqual("heading"u8) || name.SequenceEqual("hdop"u8) || name.SequenceEqual("sats"u8)))
                {
                    return false;
                }

                continue;
            }

            var ok = name switch
            {
                _ when name.SequenceEqual("kind"u8) => (isPosition = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("pos"u8)),
                _ when name.SequenceEqual("schema"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var s) && (schema = s) is not null,
                _ when name.SequenceEqual("device"u8) => reader.TokenType == JsonTokenType.String && (device = reader.GetString()) is not null,
                _ when name.SequenceEqual("boot"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var b) && (boot = b) is not null,
                _ when name.SequenceEqual("seq"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var q) && (seq = q) is not null,
                _ when name.SequenceEqual("ts"u8) => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var t) && (ts = t.ToUniversalTime()) is not null,
                _ when name.SequenceEqual("lat"u8) => Number(ref reader, out lat),
                _ when name.SequenceEqual("lon"u8) => Number(ref reader, out lon),
                _ when name.SequenceEqual("speed"u8) => Number(ref reader, out speed),
                _ when name.SequenceEqual("heading"u8) => Number(ref reader, out heading),
                _ when name.SequenceEqual("hdop"u8) => Number(ref reader, out hdop),
                _ when name.SequenceEqual("sats"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) && (sats = n) is not null,
                _ when name.SequenceEqual("fix"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var f) && (fix = f) is not null,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        if (!isPosition || device is null || boot is null || seq is null || ts is null || lat is null || lon is null || speed is null || fix is null)
        {
            return false;
        }

        position = new TruckPosition
        {
            Schema = schema ?? WasteIoT.Contracts.WireLimits.SchemaVersion,
            Device = device,
            Boot = boot.Value,
            Seq = seq.Value,
            Ts = ts.Value,
            Lat = lat.Value,
            Lon = lon.Value,
            Speed = speed.Value,
            Heading = heading,
            Hdop = hdop,
            Sats = sats,
            Fix = fix.Value,
        };
        return true;
    }

    private static bool Number(ref Utf8JsonReader reader, out double? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d) ? d : null;
        return value is not null;
    }
}
