using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>Contractors: the companies the bureau pays, named on cases and the scorecard.</summary>
internal sealed class ContractorRows : RegistryKind
{
    public override string Name => RegistryKinds.Contractors;

    public override IReadOnlyList<string> Columns { get; } = ["id", "name", "phone"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Contractor;

    public override IRegistryEntity Parse(CsvRow row) => new Contractor(row.Text("id"), row.Text("name"), row.Text("phone", required: false));

    public override IEnumerable<string?> Format(IRegistryEntity entity) => entity is Contractor c ? [c.Id, c.Name, c.Phone] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is Contractor c && string.IsNullOrWhiteSpace(c.Name))
        {
            yield return "name is required";
        }
    }
}
