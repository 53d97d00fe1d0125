using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>Trucks by plate, with their nodes and who keeps them.</summary>
internal sealed class TruckRows : RegistryKind
{
    public override string Name => RegistryKinds.Trucks;

    public override IReadOnlyList<string> Columns { get; } = ["plate", "contractor", "devices", "nodeCustody", "vehicle", "card", "ratedLoadKg"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Truck;

    public override IRegistryEntity Parse(CsvRow row) => new Truck(row.Text("plate"), row.Text("contractor"), row.List("devices"))
    {
        NodeCustody = row.Enum("nodeCustody", NodeCustody.Contractor),
        Vehicle = row.Enum("vehicle", VehicleKind.Collection),
        Card = row.Text("card", required: false).ToUpperInvariant(),
        RatedLoadKg = row.Text("ratedLoadKg", required: false).Length > 0 ? row.Integer("ratedLoadKg", 1, 100_000) : null,
    };

    public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Truck t ? [t.Id, t.Contractor, List(t.Devices), CsvRow.Camel(t.NodeCustody.ToString()), CsvRow.Camel(t.Vehicle.ToString()), t.Card, t.RatedLoadKg?.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists) =>
        entity is Truck t ? Reference(exists, RegistryKinds.Contractors, "contractor", t.Contractor).Concat(Required(t.Contractor, "contractor")).Concat(Devices(t.Devices))
            .Concat(t.Card.Length == 0 || WasteIoT.Contracts.Validation.Check.IsValidToken(t.Card) ? [] : [$"card '{t.Card}' is not a card uid (hex)"]) : [];
}
