using System.Text.Json.Serialization.Metadata;
using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Registry;

/// <summary>Sites: toilets (class, opening hours, assigned cleaners) and transfer stations, with their nodes.</summary>
internal sealed class SiteRows : RegistryKind
{
    public override string Name => RegistryKinds.Sites;

    public override IReadOnlyList<string> Columns { get; } = ["id", "kind", "name", "contractor", "lat", "lon", "toiletClass", "opens", "closes", "cleaners", "devices", "nodeCustody", "ratedTonnes"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.Site;

    public override IRegistryEntity Parse(CsvRow row)
    {
        var kind = row.Enum<SiteKind>("kind");
        ToiletClass? toiletClass = row.Text("toiletClass", required: kind == SiteKind.Toilet).Length > 0 ? row.Enum<ToiletClass>("toiletClass") : null;
        return new Site(row.Text("id"), kind, row.Text("name"), row.Text("contractor"), row.Number("lat", -90, 90), row.Number("lon", -180, 180),
            toiletClass, row.Time("opens"), row.Time("closes"), row.List("cleaners"), row.List("devices"))
        {
            NodeCustody = row.Enum("nodeCustody", NodeCustody.Contractor),
            RatedTonnes = row.Text("ratedTonnes", required: false).Length > 0 ? row.Number("ratedTonnes", 0.1, 100_000) : null,
        };
    }

    public override IEnumerable<string?> Format(IRegistryEntity entity) =>
        entity is Site s ? [s.Id, CsvRow.Camel(s.Kind.ToString()), s.Name, s.Contractor, Number(s.Lat), Number(s.Lon), s.ToiletClass?.ToString(), Clock(s.Opens), Clock(s.Closes), List(s.Cleaners), List(s.Devices), CsvRow.Camel(s.NodeCustody.ToString()), s.RatedTonnes is { } rated ? Number(rated) : null] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is not Site s)
        {
            yield break;
        }

        foreach (var error in Reference(exists, RegistryKinds.Contractors, "contractor", s.Contractor).Concat(Required(s.Contractor, "contractor")).Concat(Position(s.Lat, s.Lon)).Concat(Devices(s.Devices)))
        {
            yield return error;
        }

        if (s.Kind == SiteKind.Toilet && s.ToiletClass is null)
        {
            yield return "toiletClass is required for a toilet (I, II or III per GB/T 17217)";
        }

        if (s.Closes <= s.Opens && s.Closes != TimeOnly.MinValue)
        {
            yield return "closes must be after opens (00:00 means midnight)";
        }

        foreach (var cleaner in s.Cleaners.Where(c => !exists(RegistryKinds.Badges, c)))
        {
            yield return $"cleaner '{cleaner}' is not a registered badge";
        }
    }
}
