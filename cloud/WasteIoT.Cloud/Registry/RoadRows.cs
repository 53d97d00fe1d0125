using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// Road segments of the cleaning plan. <c>path</c> is the centre line as <c>lat:lon</c> points separated by <c>;</c>;
/// <c>work</c> lists what the segment needs each day as <c>task[*passes]@HH:mm-HH:mm</c> separated by <c>;</c>
/// (<c>sweep@05:00-07:00;sweep@14:00-16:00;sprinkle*3@06:00-20:00</c>); tasks are sweep, sprinkle and fog.
/// </summary>
internal sealed class RoadRows : RegistryKind
{
    private const int MaxPoints = 2_000;
    private const double MaxLengthM = 50_000;

    public override string Name => RegistryKinds.Roads;

    public override IReadOnlyList<string> Columns { get; } = ["id", "name", "contractor", "class", "path", "work"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.RoadSegment;

    public override IRegistryEntity Parse(CsvRow row)
    {
        var path = PathCells.Points(row, row.List("path", required: true), "path");

        var work = new List<RoadWork>();
        foreach (var item in row.List("work"))
        {
            if (RoadWork.TryParse(item, out var task))
            {
                work.Add(task);
            }
            else
            {
                row.Errors.Add($"work '{item}' is not task[*passes]@HH:mm-HH:mm[/MM-MM][!alert] with task sweep, sprinkle or fog, alert blue, yellow, orange or red");
            }
        }

        return new RoadSegment(row.Text("id"), row.Text("name"), row.Text("contractor"), row.Enum<RoadClass>("class"), path, work);
    }

    public override IEnumerable<string?> Format(IRegistryEntity entity) =>
        entity is RoadSegment r
            ? [r.Id, r.Name, r.Contractor, CsvRow.Camel(r.Class.ToString()), PathCells.Format(r.Path),
                List(r.Work.Select(w => w.ToString()))]
            : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is not RoadSegment r)
        {
            yield break;
        }

        foreach (var error in Reference(exists, RegistryKinds.Contractors, "contractor", r.Contractor).Concat(Required(r.Contractor, "contractor")))
        {
            yield return error;
        }

        if (r.Path.Count is < 2 or > MaxPoints)
        {
            yield return $"path needs 2 to {MaxPoints} points, has {r.Path.Count}";
        }

        foreach (var error in r.Path.SelectMany(p => Position(p.Lat, p.Lon)).Distinct())
        {
            yield return "path: " + error;
        }

        if (r.Path.Count >= 2 && r.LengthM > MaxLengthM)
        {
            yield return $"path is {r.LengthM / 1000:0.0} km long; a segment is at most {MaxLengthM / 1000:0} km (split the road)";
        }

        foreach (var w in r.Work.Where(w => w.To <= w.From))
        {
            yield return $"work {w} ends before it starts";
        }
    }
}
