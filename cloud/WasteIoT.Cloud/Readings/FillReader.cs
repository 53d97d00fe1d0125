using System.Text.Json;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Readings;

/// <summary>
/// Reads a stored bin fill reading without the general polymorphic deserializer, as <see cref="PositionReader"/> does
/// for fixes: a county's open day holds some 300,000 of them, decoded again at every restart. Any field it does not
/// know, or any surprise, sends the row back to the general path, so the result is always what the contract's
/// deserializer would give (tested on both).
/// </summary>
public static class FillReader
{
    /// <param name="device">The row's device name: reused when the message names it, instead of a copy per message.</param>
    public static bool TryRead(ReadOnlySpan<byte> json, string? device, out BinFillReading? fill)
    {
        fill = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? named = null;
        long? boot = null, seq = null;
        DateTimeOffset? ts = null;
        double? level = null, temperature = null, battery = null;
        int? distance = null, schema = null;
        BinStatus? status = null;
        EchoStatus? echo = null;
        var isFill = false;
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
                if (!(name.SequenceEqual("fillingLevel"u8) || name.SequenceEqual("distanceMm"u8) || name.SequenceEqual("temperature"u8) || name.SequenceEqual("battery"u8)))
                {
                    return false;
                }

                continue;
            }

            var ok = name switch
            {
                _ when name.SequenceEqual("kind"u8) => (isFill = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("fill"u8)),
                _ when name.SequenceEqual("schema"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var s) && (schema = s) is not null,
                _ when name.SequenceEqual("device"u8) => reader.TokenType == JsonTokenType.String
                    && (named = device is not null && reader.ValueTextEquals(device) ? device : reader.GetString()) is not null,
                _ when name.SequenceEqual("boot"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var b) && (boot = b) is not null,
                _ when name.SequenceEqual("seq"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var q) && (seq = q) is not null,
                _ when name.SequenceEqual("ts"u8) => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var t) && (ts = t.ToUniversalTime()) is not null,
                _ when name.SequenceEqual("fillingLevel"u8) => Number(ref reader, out level),
                _ when name.SequenceEqual("temperature"u8) => Number(ref reader, out temperature),
                _ when name.SequenceEqual("battery"u8) => Number(ref reader, out battery),
                _ when name.SequenceEqual("distanceMm"u8) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var d) && (distance = d) is not null,
                _ when name.SequenceEqual("status"u8) => reader.TokenType == JsonTokenType.String && (status = Status(ref reader)) is not null,
                _ when name.SequenceEqual("echo"u8) => reader.TokenType == JsonTokenType.String && (echo = Echo(ref reader)) is not null,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        if (!isFill || named is null || boot is null || seq is null || ts is null || status is null || echo is null)
        {
            return false;
        }

        fill = new BinFillReading
        {
            Schema = schema ?? WasteIoT.Contracts.WireLimits.SchemaVersion,
            Device = named,
            Boot = boot.Value,
            Seq = seq.Value,
            Ts = ts.Value,
            FillingLevel = level,
            DistanceMm = distance,
            Temperature = temperature,
            Status = status.Value,
            Echo = echo.Value,
            Battery = battery,
        };
        return true;
    }

    private static BinStatus? Status(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("ok"u8) ? BinStatus.Ok
        : reader.ValueTextEquals("lidOpen"u8) ? BinStatus.LidOpen
        : reader.ValueTextEquals("dropped"u8) ? BinStatus.Dropped
        : reader.ValueTextEquals("moved"u8) ? BinStatus.Moved
        : reader.ValueTextEquals("unknown"u8) ? BinStatus.Unknown
        : null;

    private static EchoStatus? Echo(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("ok"u8) ? EchoStatus.Ok
        : reader.ValueTextEquals("lost"u8) ? EchoStatus.Lost
        : reader.ValueTextEquals("outOfRange"u8) ? EchoStatus.OutOfRange
        : reader.ValueTextEquals("unstable"u8) ? EchoStatus.Unstable
        : null;

    private static bool Number(ref Utf8JsonReader reader, out double? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d) ? d : null;
        return value is not null;
    }
}
