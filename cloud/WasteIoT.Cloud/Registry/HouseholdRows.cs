using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>Households with their door (position) and tag.</summary>
internal sealed class HouseholdRows : RegistryKind
{
    public override string Name => RegistryKinds.Households;

    public override IReadOnlyList<string> Columns { get; } = ["id", "address", "building", "lat", "lon", "tag"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Household;

    public override IRegistryEntity Parse(CsvRow row) =>
        new Household(row.Text("id"), row.Text("address"), row.Text("building", required: false), row.Number("lat", -90, 90), row.Number("lon", -180, 180), row.Text("tag"));

    public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Household h ? [h.Id, h.Address, h.Building, Number(h.Lat), Number(h.Lon), h.Tag] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is not Household h)
        {
            yield break;
        }

        foreach (var error in Position(h.Lat, h.Lon))
        {
            yield return error;
        }

        if (string.IsNullOrWhiteSpace(h.Tag) || h.Tag.Length > 32)
        {
            yield return "tag is required (the RFID tag id, at most 32 characters)";
        }
    }
}
