using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>Badges: cleaners' and crews' cards, checked in at sites.</summary>
internal sealed class BadgeRows : RegistryKind
{
    public override string Name => RegistryKinds.Badges;

    public override IReadOnlyList<string> Columns { get; } = ["id", "name", "role", "contractor"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Badge;

    public override IRegistryEntity Parse(CsvRow row) => new Badge(row.Text("id"), row.Text("name"), row.Enum<BadgeRole>("role"), row.Text("contractor"));

    public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Badge b ? [b.Id, b.Name, CsvRow.Camel(b.Role.ToString()), b.Contractor] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists) =>
        entity is Badge b ? Reference(exists, RegistryKinds.Contractors, "contractor", b.Contractor).Concat(Required(b.Contractor, "contractor")) : [];
}
