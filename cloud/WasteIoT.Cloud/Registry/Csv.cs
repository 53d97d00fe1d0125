using System.Text;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// RFC 4180 CSV as spreadsheets write it: quoted fields may hold commas, quotes and line breaks; a UTF-8 byte-order
/// mark is skipped on read and written on export, so Excel opens Chinese names correctly.
/// </summary>
public static class Csv
{
    /// <summary>Rows with the 1-based line each starts on (for error messages).</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var any = false;
        int c;
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        while ((c = reader.Read()) != -1)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(Restore(field.ToString()));
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(Restore(field.ToString()));
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return (rowLine, [.. fields]);
                    }

                    fields.Clear();
                    any = false;
                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (any)
        {
            fields.Add(Restore(field.ToString()));
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                yield return (rowLine, [.. fields]);
            }
        }
    }

    /// <summary>Column positions by (trimmed) header name, and the required columns the header lacks.</summary>
    public static (Dictionary<string, int> Columns, List<string> Missing) Header(string[] fields, IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var columns = fields.Select((name, i) => (Name: name.Trim(), Index: i)).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
        return (columns, [.. required.Where(c => !columns.ContainsKey(c))]);
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe, which
    /// spreadsheets show as text and <see cref="Read"/> takes off again; plain numbers such as -73.9 are left alone.
    /// </summary>
    public static string Neutralize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
    }

    /// <summary>Takes off the apostrophe <see cref="Neutralize"/> put before a formula-like cell.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
    }

    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            var value = Neutralize(field ?? string.Empty);
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' ')))
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }

        writer.Write("\r\n");
    }
}
