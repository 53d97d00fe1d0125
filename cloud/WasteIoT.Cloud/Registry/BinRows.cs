using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>Bins with depth and capacity, standalone or a container of a station.</summary>
internal sealed class BinRows : RegistryKind
{
    public override string Name => RegistryKinds.Bins;

    public override IReadOnlyList<string> Columns { get; } = ["id", "name", "contractor", "lat", "lon", "depthMm", "capacityL", "wasteKind", "device", "site", "nodeCustody"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Bin;

    public override IRegistryEntity Parse(CsvRow row) =>
        new Bin(row.Text("id"), row.Text("name"), row.Text("contractor"), row.Number("lat", -90, 90), row.Number("lon", -180, 180), row.Integer("depthMm", 100, 5000),
            row.Integer("capacityL", 1, 100_000), row.Text("wasteKind"), row.Text("device"), row.Text("site", required: false))
        { NodeCustody = row.Enum("nodeCustody", NodeCustody.Bureau) };

    public override IEnumerable<string?> Format(IRegistryEntity entity) =>
        entity is Bin b ? [b.Id, b.Name, b.Contractor, Number(b.Lat), Number(b.Lon), b.DepthMm.ToString(System.Globalization.CultureInfo.InvariantCulture), b.CapacityL.ToString(System.Globalization.CultureInfo.InvariantCulture), b.WasteKind, b.Device, b.Site, CsvRow.Camel(b.NodeCustody.ToString())] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists) =>
        entity is Bin b
            ? Reference(exists, RegistryKinds.Contractors, "contractor", b.Contractor).Concat(Required(b.Contractor, "contractor")).Concat(Position(b.Lat, b.Lon)).Concat(Devices([b.Device])).Concat(Reference(exists, RegistryKinds.Sites, "site", b.Site))
                .Concat(b.DepthMm is < 100 or > 5000 ? ["depthMm must be 100 to 5000"] : [])
            : [];
}
