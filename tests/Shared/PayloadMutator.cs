using System.Text;

namespace WasteIoT.Testing;

/// <summary>
/// Seeded hostile payloads from valid ones: bit flips, truncation, escaped lone surrogates, NUL, invalid UTF-8,
/// huge numbers, deep nesting, duplicate keys, wrong types, and random bytes. Same seed, same inputs: a failure can be replayed.
/// </summary>
public sealed class PayloadMutator(int seed)
{
    private static readonly string[] Splices =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"\\u0000\"", "1e400", "-1e400", "99999999999999999999999999", "NaN", "null", "true", "[]", "{}",
        "\"" + new string('x', 2000) + "\"", new string('[', 200) + new string(']', 200), "{\"a\":" + new string('{', 100), "\"\\x\"", "\"\\u12\"",
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(string valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var bytes = Encoding.UTF8.GetBytes(valid);
        switch (_random.Next(9))
        {
            case 0:
                // Flip a few bits.
                for (var i = 0; i < 1 + _random.Next(4); i++)
                {
                    bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return bytes;
            case 1:
                return bytes[.._random.Next(bytes.Length)];
            case 2:
                // Replace one field's value.
                return Encoding.UTF8.GetBytes(ReplaceValue(valid, Splices[_random.Next(Splices.Length)]));
            case 3:
                // Invalid UTF-8 inside a string.
                var at = valid.IndexOf("\":\"", StringComparison.Ordinal) + 3;
                return [.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[at..]];
            case 4:
                // The same key twice, the second with another value.
                return Encoding.UTF8.GetBytes(valid[..^1] + "," + valid[1..valid.IndexOf(',', StringComparison.Ordinal)].Replace("\"kind\":\"", "\"kind\":\"x", StringComparison.Ordinal) + "}");
            case 5:
                // An unknown field holding anything.
                return Encoding.UTF8.GetBytes(valid[..^1] + ",\"note\":" + Splices[_random.Next(Splices.Length)] + "}");
            case 6:
                var noise = new byte[_random.Next(1, 300)];
                _random.NextBytes(noise);
                return noise;
            case 7:
                // Numbers as strings, strings as numbers.
                return Encoding.UTF8.GetBytes(valid.Replace("\"seq\":", "\"seq\":\"", StringComparison.Ordinal).Replace(",\"ts\"", "\",\"ts\"", StringComparison.Ordinal));
            default:
                // Deep nesting in place of the whole message.
                return Encoding.UTF8.GetBytes(new string('{', 1 + _random.Next(64)) + valid);
        }
    }

    private string ReplaceValue(string json, string value)
    {
        var colons = new List<int>();
        for (var i = json.IndexOf(':', StringComparison.Ordinal); i >= 0; i = json.IndexOf(':', i + 1))
        {
            colons.Add(i);
        }

        var start = colons[_random.Next(colons.Count)] + 1;
        var end = start;
        var quoted = end < json.Length && json[end] == '"';
        end += quoted ? 1 : 0;
        while (end < json.Length && (quoted ? json[end] != '"' : json[end] != ',' && json[end] != '}'))
        {
            end++;
        }

        end += quoted && end < json.Length ? 1 : 0;
        return json[..start] + value + json[end..];
    }
}
