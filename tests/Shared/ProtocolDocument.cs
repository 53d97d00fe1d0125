using System.Text;

namespace WasteIoT.Testing;

/// <summary>
/// Reads the examples out of docs/protocol.md. A fence <c>```json vector=NAME [topic=T]</c> is a valid
/// message; <c>```json invalid=REASON name=NAME</c> one a receiver must refuse with that reason.
/// A one-line example is canonical and must round-trip byte for byte.
/// </summary>
internal static class ProtocolDocument
{
    public static IReadOnlyList<ProtocolVector> Vectors { get; } = Parse(File.ReadAllLines(RepositoryRoot.Combine("docs", "protocol.md")));

    public static IReadOnlyList<ProtocolVector> Parse(string[] lines)
    {
        var vectors = new List<ProtocolVector>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("```json ", StringComparison.Ordinal))
            {
                continue;
            }

            var attributes = line["```json ".Length..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.Split('=', 2))
                .Where(a => a.Length == 2)
                .ToDictionary(a => a[0], a => a[1], StringComparer.Ordinal);
            var start = i + 1;
            var body = new StringBuilder();
            for (i = start; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                if (body.Length > 0)
                {
                    body.Append('\n');
                }

                body.Append(lines[i]);
            }

            if (attributes.TryGetValue("vector", out var name))
            {
                vectors.Add(new ProtocolVector(name, attributes.GetValueOrDefault("topic"), body.ToString(), null, start));
            }
            else if (attributes.TryGetValue("invalid", out var reason))
            {
                vectors.Add(new ProtocolVector(attributes.GetValueOrDefault("name", reason), attributes.GetValueOrDefault("topic"), body.ToString(), reason, start));
            }
        }

        return vectors;
    }
}
