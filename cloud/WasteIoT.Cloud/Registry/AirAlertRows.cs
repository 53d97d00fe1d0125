using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Registry;

/// <summary>Air-alert days: <c>id</c> the local date (<c>yyyy-MM-dd</c>), <c>level</c> blue, yellow, orange or red, a <c>note</c> (the notice's number).</summary>
internal sealed class AirAlertRows : RegistryKind
{
    public override string Name => RegistryKinds.AirAlerts;

    public override IReadOnlyList<string> Columns { get; } = ["id", "level", "note"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.AirAlertDay;

    public override IRegistryEntity Parse(CsvRow row) => new AirAlertDay(row.Text("id"), row.Enum<AirAlertLevel>("level"), row.Text("note", required: false));

    public override IEnumerable<string?> Format(IRegistryEntity entity) =>
        entity is AirAlertDay a ? [a.Id, CsvRow.Camel(a.Level.ToString()), a.Note] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is AirAlertDay a && !DateOnly.TryParseExact(a.Id, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"id '{a.Id}' is not a day (yyyy-MM-dd)";
        }
    }
}
