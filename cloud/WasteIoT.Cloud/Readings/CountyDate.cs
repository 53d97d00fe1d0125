using System.Globalization;

namespace WasteIoT.Cloud.Readings;

/// <summary>
/// A county day as every route writes it, <c>yyyy-MM-dd</c> and nothing else (no locale's 11/26/2026). Bound by the
/// routes: a value that is not such a day is answered 400 before any handler runs.
/// </summary>
public readonly record struct CountyDate(DateOnly Day)
{
    public static bool TryParse(string? value, IFormatProvider? provider, out CountyDate date)
    {
        var parsed = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        date = new CountyDate(day);
        return parsed;
    }

    public override string ToString() => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
