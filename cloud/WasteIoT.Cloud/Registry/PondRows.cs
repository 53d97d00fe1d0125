using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>Leachate ponds with their alarm volume and stage–volume table.</summary>
internal sealed class PondRows : RegistryKind
{
    public override string Name => RegistryKinds.Ponds;

    public override IReadOnlyList<string> Columns { get; } = ["id", "name", "contractor", "device", "alarmVolumeM3", "stageVolume", "nodeCustody", "treatmentDevice"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Pond;

    public override IRegistryEntity Parse(CsvRow row)
    {
        var points = new List<StagePoint>();
        foreach (var pair in row.List("stageVolume", required: true))
        {
            var parts = pair.Split(':');
            if (parts.Length == 2 && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var stage)
                && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var volume))
            {
                points.Add(new StagePoint(stage, volume));
            }
            else
            {
                row.Errors.Add($"stageVolume '{pair}' is not stage:volume (m:m³)");
            }
        }

        return new Pond(row.Text("id"), row.Text("name"), row.Text("contractor"), row.Text("device"), row.Number("alarmVolumeM3", 1, 10_000_000), points) { NodeCustody = row.Enum("nodeCustody", NodeCustody.Bureau), TreatmentDevice = row.Text("treatmentDevice", required: false) };
    }

    public override IEnumerable<string?> Format(IRegistryEntity entity) =>
        entity is Pond p ? [p.Id, p.Name, p.Contractor, p.Device, Number(p.AlarmVolumeM3), List(p.StageVolume.Select(s => Number(s.StageM) + ":" + Number(s.VolumeM3))), CsvRow.Camel(p.NodeCustody.ToString()), p.TreatmentDevice] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is not Pond p)
        {
            yield break;
        }

        foreach (var error in Reference(exists, RegistryKinds.Contractors, "contractor", p.Contractor).Concat(Required(p.Contractor, "contractor")).Concat(Devices([p.Device])).Concat(p.TreatmentDevice.Length > 0 ? Devices([p.TreatmentDevice]) : []))
        {
            yield return error;
        }

        string? tableError = null;
        try
        {
            _ = new Checks.Ponds.StageVolumeTable(p.StageVolume.Select(s => (s.StageM, s.VolumeM3)));
        }
        catch (ArgumentException ex)
        {
            tableError = "stageVolume: " + ex.Message.Split(" (Parameter", StringSplitOptions.None)[0];
        }

        if (tableError is not null)
        {
            yield return tableError;
        }
    }
}
