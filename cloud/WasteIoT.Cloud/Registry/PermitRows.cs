using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// Muck-truck permits. <c>origins</c> and <c>disposals</c> are approved sites as circles <c>lat:lon:radiusM</c>
/// separated by <c>;</c>; <c>routes</c> the approved routes as <c>lat:lon;…</c> centre lines separated by <c>|</c>
/// (empty: any road); <c>hours</c> <c>HH:mm-HH:mm</c> separated by <c>;</c>, overnight when the end is not after the
/// start; <c>validFrom</c>/<c>validTo</c> the permit's first and last day (<c>yyyy-MM-dd</c>).
/// </summary>
internal sealed class PermitRows : RegistryKind
{
    private const int MaxPoints = 2_000;

    public override string Name => RegistryKinds.Permits;

    public override IReadOnlyList<string> Columns { get; } = ["id", "truck", "contractor", "origins", "disposals", "routes", "hours", "validFrom", "validTo"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.MuckPermit;

    public override IRegistryEntity Parse(CsvRow row)
    {
        var routes = row.Text("routes", required: false).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => (IReadOnlyList<RoadPoint>)PathCells.Points(row, r.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "routes")).ToList();
        var hours = new List<PermitHours>();
        foreach (var item in row.List("hours", required: true))
        {
            var parts = item.Split('-');
            if (parts.Length == 2 && TimeOnly.TryParseExact(parts[0].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && TimeOnly.TryParseExact(parts[1].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                hours.Add(new PermitHours(from, to));
            }
            else
            {
                row.Errors.Add($"hours '{item}' is not HH:mm-HH:mm");
            }
        }

        return new MuckPermit(row.Text("id"), row.Text("truck"), row.Text("contractor"), PathCells.Circles(row, "origins", required: false), PathCells.Circles(row, "disposals", required: true),
            routes, hours, Day(row, "validFrom"), Day(row, "validTo"));
    }

    public override IEnumerable<string?> Format(IRegistryEntity entity) =>
        entity is MuckPermit p
            ? [p.Id, p.Truck, p.Contractor, PathCells.Format(p.Origins), PathCells.Format(p.Disposals), string.Join('|', p.Routes.Select(PathCells.Format)),
                List(p.Hours.Select(h => Clock(h.From) + "-" + Clock(h.To))), p.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]
            : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is not MuckPermit p)
        {
            yield break;
        }

        foreach (var error in Reference(exists, RegistryKinds.Trucks, "truck", p.Truck).Concat(Required(p.Truck, "truck"))
            .Concat(Reference(exists, RegistryKinds.Contractors, "contractor", p.Contractor)).Concat(Required(p.Contractor, "contractor")))
        {
            yield return error;
        }

        foreach (var (fence, column) in p.Origins.Select(o => (o, "origins")).Concat(p.Disposals.Select(d => (d, "disposals"))))
        {
            foreach (var error in Position(fence.Lat, fence.Lon))
            {
                yield return $"{column}: {error}";
            }

            if (fence.RadiusM is < 10 or > 5_000)
            {
                yield return $"{column}: radius {Number(fence.RadiusM)} m is outside 10–5,000 m";
            }
        }

        foreach (var route in p.Routes)
        {
            if (route.Count is < 2 or > MaxPoints)
            {
                yield return $"a route needs 2 to {MaxPoints} points, has {route.Count}";
            }

            foreach (var error in route.SelectMany(r => Position(r.Lat, r.Lon)).Distinct())
            {
                yield return "routes: " + error;
            }
        }

        if (p.Hours.Any(h => h.From == h.To))
        {
            yield return "hours that start and end at the same minute are ambiguous: give the span (00:00-23:59 for the whole day)";
        }

        if (p.ValidTo < p.ValidFrom)
        {
            yield return $"validTo {p.ValidTo:yyyy-MM-dd} is before validFrom {p.ValidFrom:yyyy-MM-dd}";
        }
    }

    private static DateOnly Day(CsvRow row, string column)
    {
        var text = row.Text(column);
        if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            row.Errors.Add($"{column} '{text}' is not a day (yyyy-MM-dd)");
            return default;
        }

        return text.Length > 0 ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : default;
    }
}
