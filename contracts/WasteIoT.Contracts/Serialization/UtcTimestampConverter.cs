using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WasteIoT.Contracts.Serialization;

/// <summary>
/// The contract's one timestamp form: <c>yyyy-MM-ddTHH:mm:ss[.fff]Z</c>, UTC, milliseconds only when
/// they are not zero. Firmware writes exactly this, so examples round-trip byte for byte.
/// On input any ISO 8601 time with an explicit offset is accepted and converted to UTC;
/// a time without an offset is refused, since a device's local time is ambiguous.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a timestamp must be an ISO 8601 string");
        }

        var text = reader.GetString()!;
        if (text.Length < 20 || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
        {
            throw new JsonException($"timestamp '{text}' has no UTC offset");
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new JsonException($"timestamp '{text}' is not ISO 8601");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[32];
        writer.WriteStringValue(buffer[..Format(value, buffer)]);
    }

    /// <summary>Writes the canonical form as UTF-8 and returns its length (20 or 24 bytes).</summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        var utc = value.UtcDateTime;
        var ms = utc.Millisecond;
        var format = ms == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.fffZ";
        utc.TryFormat(destination, out var written, format, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>The canonical form as a string.</summary>
    public static string Format(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[32];
        var n = Format(value, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..n]);
    }
}
