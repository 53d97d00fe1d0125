using System.Text.Json.Serialization.Metadata;

namespace WasteIoT.Cloud.Registry;

/// <summary>Collection routes: truck, service days, households in service order, service hours.</summary>
internal sealed class RouteRows : RegistryKind
{
    public override string Name => RegistryKinds.Routes;

    public override IReadOnlyList<string> Columns { get; } = ["id", "name", "contractor", "truck", "serviceDays", "households", "starts", "ends"];

    public override JsonTypeInfo TypeInfo => RegistryJsonContext.Default.CollectionRoute;

    public override IRegistryEntity Parse(CsvRow row)
    {
        var days = new List<DayOfWeek>();
        foreach (var token in row.List("serviceDays", required: true))
        {
            if (token.Equals("daily", StringComparison.OrdinalIgnoreCase))
            {
                days.AddRange(Enum.GetValues<DayOfWeek>());
            }
            else if (TryDay(token, out var day))
            {
                days.Add(day);
            }
            else
            {
                row.Errors.Add($"serviceDays '{token}' is not daily or a day name (mon, tue, …)");
            }
        }

        return new CollectionRoute(row.Text("id"), row.Text("name"), row.Text("contractor"), row.Text("truck"), [.. days.Distinct().Order()], row.List("households", required: true))
        {
            Starts = row.Time("starts", CollectionRoute.DefaultStarts),
            Ends = row.Time("ends", CollectionRoute.DefaultEnds),
        };
    }

    public override IEnumerable<string?> Format(IRegistryEntity entity) =>
        entity is CollectionRoute r ? [r.Id, r.Name, r.Contractor, r.Truck, r.ServiceDays.Count == 7 ? "daily" : List(r.ServiceDays.Select(d => d.ToString()[..3].ToLowerInvariant())), List(r.Households), Clock(r.Starts), Clock(r.Ends)] : [];

    protected override IEnumerable<string> ValidateFields(IRegistryEntity entity, Func<string, string, bool> exists)
    {
        if (entity is not CollectionRoute r)
        {
            yield break;
        }

        foreach (var error in Reference(exists, RegistryKinds.Contractors, "contractor", r.Contractor).Concat(Required(r.Contractor, "contractor")).Concat(Reference(exists, RegistryKinds.Trucks, "truck", r.Truck)))
        {
            yield return error;
        }

        if (r.Ends <= r.Starts && r.Ends != TimeOnly.MinValue)
        {
            yield return "ends must be after starts (00:00 means midnight)";
        }

        if (r.ServiceDays.Count == 0)
        {
            yield return "serviceDays is required";
        }

        if (r.Households.Count == 0)
        {
            yield return "households is required (household ids in collection order, separated by ';')";
        }

        var unknown = r.Households.Where(h => !exists(RegistryKinds.Households, h)).Take(5).ToList();
        if (unknown.Count > 0)
        {
            yield return $"households not registered: {string.Join(", ", unknown)}";
        }

        if (r.Households.Distinct(StringComparer.Ordinal).Count() != r.Households.Count)
        {
            yield return "households lists a household twice";
        }
    }
}
