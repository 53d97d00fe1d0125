using System.Globalization;
using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>One kind of registry row: its CSV columns, how a row is read and written, and what makes it valid.</summary>
public abstract class RegistryKind
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Columns added since the kind was first published: a file without them takes their defaults.</summary>
    public IReadOnlyList<string> OptionalColumns { get; } = ["starts", "ends", "nodeCustody", "effective", "vehicle", "card", "ratedTonnes", "ratedLoadKg", "treatmentDevice"];

    public abstract JsonTypeInfo TypeInfo { get; }

    public abstract IRegistryEntity Parse(CsvRow row);

    public abstract IEnumerable<string?> Format(IRegistryEntity entity);

    /// <summary>Rules beyond the field types; <paramref name="exists"/> answers whether a (kind, id) is registered.</summary>
    public IEnumerable<string> Validate(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(exists);
        if (!IsValidId(entity.Id))
        {
            yield return $"id '{entity.Id}' must be 1 to 64 characters without '/', '?', '#', spaces at either end or control characters";
        }

        foreach (var error in ValidateFields(entity, exists))
        {
            yield return error;
        }
    }

    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.Trim().Length == id.Length && !id.Any(c => char.IsControl(c) || c is '/' or '?' or '#' or '\\');

    protected abstract IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists);

    protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    protected static string List<T>(IEnumerable<T> values) => string.Join(';', values);

    protected static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    protected static IEnumerable<string> Position(double lat, double lon)
    {
        if (lat is < -90 or > 90 || lon is < -180 or > 180 || (lat == 0 && lon == 0))
        {
            yield return $"position {Number(lat)}, {Number(lon)} is not a WGS-84 latitude/longitude";
        }
    }

    protected static IEnumerable<string> Reference(Func<string, string, bool> exists, string kind, string field, string id)
    {
        if (id.Length > 0 && !exists(kind, id))
        {
            yield return $"{field} '{id}' is not a registered {kind[..^1]}";
        }
    }

    protected static bool TryDay(string token, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            if (token.Length >= 3 && candidate.ToString().StartsWith(token, StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    protected static IEnumerable<string> Required(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return $"{field} is required";
        }
    }

    protected static IEnumerable<string> Devices(IEnumerable<string> devices)
    {
        foreach (var device in devices)
        {
            if (!WasteIoT.Contracts.Validation.Check.IsValidId(device))
            {
                yield return $"device '{device}' is not a valid device id";
            }
        }
    }
}
