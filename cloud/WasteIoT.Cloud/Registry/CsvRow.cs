using System.Globalization;

namespace WasteIoT.Cloud.Registry;

/// <summary>One CSV row read by column name; each bad field adds an error naming the column and the value, and reading goes on.</summary>
public sealed class CsvRow(IReadOnlyDictionary<string, int> columns, string[] fields)
{
    public List<string> Errors { get; } = [];

    public string Text(string name, bool required = true)
    {
        var value = columns.TryGetValue(name, out var i) && i < fields.Length ? fields[i].Trim() : string.Empty;
        if (required && value.Length == 0)
        {
            Errors.Add($"{name} is required");
        }

        return value;
    }

    public double Number(string name, double min, double max)
    {
        var text = Text(name);
        if (text.Length == 0)
        {
            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Errors.Add($"{name} '{text}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    public int Integer(string name, int min, int max)
    {
        var text = Text(name);
        if (text.Length == 0)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Errors.Add($"{name} '{text}' is not a whole number from {min} to {max}");
        }

        return value;
    }

    /// <summary>A list in one cell, separated by semicolons (the separator spreadsheets leave alone in a CSV cell).</summary>
    public IReadOnlyList<string> List(string name, bool required = false) =>
        [.. Text(name, required).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public TimeOnly Time(string name)
    {
        var text = Text(name);
        if (text.Length > 0 && !TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Errors.Add($"{name} '{text}' is not a time of day (HH:mm)");
            return default;
        }

        return text.Length > 0 ? TimeOnly.ParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture) : default;
    }

    /// <summary>An optional instant in ISO 8601 with its offset (<c>2026-11-26T10:00+08:00</c>); null when absent.</summary>
    public DateTimeOffset? Instant(string name)
    {
        var text = Text(name, required: false);
        if (text.Length == 0)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            Errors.Add($"{name} '{text}' is not a time with its offset (e.g. 2026-11-26T10:00+08:00)");
            return null;
        }

        return value;
    }

    /// <summary>An optional time of day: <paramref name="absent"/> when the column is missing or the cell empty.</summary>
    public TimeOnly Time(string name, TimeOnly absent) => Text(name, required: false).Length == 0 ? absent : Time(name);

    /// <summary>An optional enumeration: <paramref name="absent"/> when the column is missing or the cell empty.</summary>
    public TEnum Enum<TEnum>(string name, TEnum absent)
        where TEnum : struct, Enum => Text(name, required: false).Length == 0 ? absent : Enum<TEnum>(name);

    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var text = Text(name);
        if (text.Length > 0 && (!System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) || !System.Enum.IsDefined(value) || int.TryParse(text, out _)))
        {
            Errors.Add($"{name} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(Camel))}");
            return default;
        }

        return text.Length > 0 ? System.Enum.Parse<TEnum>(text, ignoreCase: true) : default;
    }

    public static string Camel(string name) => string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
